package dev.hookstub.server.mijnklantportaal;

/** The tenant an API key acts for; records of other tenants are invisible to it. */
record MijnklantportaalTenant(String name) {
}
