/**
 * The read-side facts the scheduler needs from the MDM store, as paged asynchronous interfaces. Paging
 * is the back-pressure: the scheduler asks for the next page only when it has room for it.
 */
package org.adcs.scheduler.readside;
