package dev.hookstub.server.api;

/** A request that reads an API's example record: one credential header and a path below the API's context path. */
public record ExampleRequest(String header, String value, String path) {

    /** As the start-up banner prints it. */
    public String curl(String apiBaseUrl) {
        return "curl -H '" + header + ": " + value + "' " + apiBaseUrl + path;
    }
}
