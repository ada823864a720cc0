/**
 * IEC 62056-47 TCP wrapper frames: {@code 0001 | source wPort | destination wPort | length | APDU}. Public client 16, management client 1, logical device 1.
 */
package org.adcs.protocol.wrapper;
