/**
 * Field pickup reads (R-FLD-1, R-FLD-2): the check of a meter memory dump a field tool uploads, and
 * its conversion into the meter entity's terms, so it is stored through the same pipeline as remote
 * reads with source FIELD.
 */
package org.adcs.headend.field;
