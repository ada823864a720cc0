package org.adcs.mdm.mailbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One file in a party's mailbox: its metadata; the content is stored in {@code chunks} pieces of at
 * most {@link MailboxStore#CHUNK_BYTES} each.
 *
 * @param format      the content's format as the API names it (json, csv, xml)
 * @param description what the file holds, e.g. the request or extract that produced it
 */
public record MailboxFile(String party, UUID id, String name, String format, long size, int chunks,
    Instant createdAt, String description) {}
