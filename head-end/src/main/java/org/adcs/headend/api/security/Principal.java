package org.adcs.headend.api.security;

import java.util.Optional;

/**
 * An authenticated caller: its name (for a third party, the party), role, the token it presented, and
 * why it is curtailed if an operator has curtailed it.
 */
public record Principal(String name, Role role, String tokenId, Optional<String> curtailed) {}
