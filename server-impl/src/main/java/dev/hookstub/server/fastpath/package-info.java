/**
 * The fast path: plain requests of an API's operations answered on Grizzly's I/O thread without Jersey, running the
 * same definition of each operation as Jersey does; anything not plain is handed to the API's Jersey application.
 * {@code ServerConfig.withFastPath(false)} turns it off.
 */
package dev.hookstub.server.fastpath;
