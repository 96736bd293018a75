/**
 * What every provider API of the stub shares: {@link dev.hookstub.server.api.StubApi} and the base each API's package
 * extends, the context the server hands them, and each API's Jersey application (its filters, and the answerer its
 * generated resource hands every operation to). An API's own package holds only what differs about that API.
 */
package dev.hookstub.server.api;
