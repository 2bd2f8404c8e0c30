/** Usage as the domain sees it: sessions with clock times and daily usage for sources that only know days. */
package dev.seatwise.domain.usage;
