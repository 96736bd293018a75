package dev.hookstub.server.partoo;

/** The user behind an API key: an ORG_ADMIN reaches its own organisation, a PROVIDER any it names. */
record PartooUser(String role, long orgId) {

    boolean isProvider() {
        return "PROVIDER".equals(role);
    }
}
