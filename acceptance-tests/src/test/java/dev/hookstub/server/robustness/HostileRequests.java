package dev.hookstub.server.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds the hostile requests of {@link HostileInputFuzzTest}: a valid request to one of the four APIs or the admin
 * API, then one to three mutations (hostile body, content type, method, path, query, credential, headers, framing,
 * request line). Case {@code i} of seed {@code s} is always the same bytes, whatever ran before it.
 *
 * <p>Strings here are ISO-8859-1: one char is one byte on the wire, so raw non-ASCII and control bytes can be
 * written as they are.
 */
final class HostileRequests {

    /** An error body shape. */
    enum Format { MESSAGE, PARTOO, MOLLIE }

    enum Api {
        MIJNKLANTPORTAAL("/mijnklantportaal/v1", "Authorization", "Bearer mkp_test_key"),
        EQUALSMONEY("/equalsmoney/v2", "Authorization", "equals_test_key"),
        PARTOO("/partoo/v2", "x-APIKey", "partoo_test_key"),
        MOLLIE("/mollie", "Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"),
        ADMIN("/__admin", "Authorization", "Bearer admin_test_key");

        final String base;
        final String authHeader;
        final String credential;

        Api(String base, String authHeader, String credential) {
            this.base = base;
            this.authHeader = authHeader;
            this.credential = credential;
        }
    }

    /**
     * One request. {@code canary}: after the
     * answer the connection must still carry a well-formed request (false when the request itself leaves bytes
     * that the server must read as the next request).
     */
    record Case(int index, Api api, String path, byte[] bytes, boolean head, boolean canary,
                List<String> tags) {

        String describe(int max) {
            return "case " + index + " " + tags + ": " + RawHttp.printable(bytes, max);
        }
    }

    /** Ids the storm must never touch destructively (fixtures and the records created before it). */
    static final String SEEDED_MKP_ID = "wbh_robustseed0001";
    static final String SEEDED_EQUALS_ID = "0b5e7c1e-5eed-4a11-9c0d-000000000001";
    static final long SEEDED_PARTOO_ID = 4242;
    static final String SEEDED_MOLLIE_ID = "hook_RobustnessSeed000000001";

    private static final String[] MKP_IDS = {"wbh_abc12345def678", SEEDED_MKP_ID, "wbh_zzzzzzzzzzzzzz"};
    private static final String[] EQUALS_IDS = {"da91434a-4026-42ea-84b8-d0317b64af9c", SEEDED_EQUALS_ID,
        "11111111-2222-4333-8444-555555555555"};
    private static final String[] PARTOO_IDS = {"1", Long.toString(SEEDED_PARTOO_ID), "777777"};
    private static final String[] MOLLIE_IDS = {"hook_B2EyhTH5N4KWUnoYPcgiH", SEEDED_MOLLIE_ID, "hook_doesNotExist"};
    private static final String[] ADMIN_APIS = {"mijnklantportaal", "equalsmoney", "partoo", "mollie"};
    private static final String[] MKP_TYPES = {"customer-created", "offer-created", "invoice-paid", "ticket-created"};
    private static final String[] PARTOO_TYPES = {"business_created", "lead_received", "message_created"};

    /**
     * Tokens a response must never contain (stack traces, Java class names, Jackson's parser-location text);
     * generated requests avoid them so that an echo is not a false alarm.
     */
    static final List<String> LEAK_TOKENS = List.of("Exception", "at dev.", "org.glassfish", "java.", "jakarta.",
            "com.fasterxml", "tools.jackson", "StreamReadFeature", "[Source:");

    private final long seed;

    HostileRequests(long seed) {
        this.seed = seed;
    }

    Case generate(int index) {
        for (int attempt = 0; ; attempt++) {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 31L + attempt);
            Case generated = new Builder(index, random).build();
            String text = new String(generated.bytes(), StandardCharsets.ISO_8859_1);
            if (LEAK_TOKENS.stream().noneMatch(text::contains)) {
                return generated;
            }
        }
    }

    private static final class Builder {
        private final int index;
        private final SplittableRandom random;
        private Api api;
        private String method;
        private String prefix;          // path before the mutable segment
        private String segment;         // the id, or the {api} of an admin path
        private String suffix = "";     // path after the segment
        private String query;           // null: none
        private String version = "HTTP/1.1";
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body;
        private boolean automaticLength = true;
        private byte[] raw;             // sent verbatim when set
        private boolean head;
        private boolean canary = true;
        private boolean reset;
        private boolean adminCreate;
        private String adminApi;
        private final List<String> tags = new ArrayList<>();

        Builder(int index, SplittableRandom random) {
            this.index = index;
            this.random = random;
        }

        Case build() {
            base();
            int mutations = random.nextInt(10) < 6 ? 1 : random.nextInt(3) < 2 ? 2 : 3;
            List<Integer> picks = new ArrayList<>();
            for (int i = 0; i < mutations; i++) {
                picks.add(random.nextInt(1000));
            }
            // Framing last (a later body change would break it), a broken request line replaces everything.
            picks.sort(java.util.Comparator.comparingInt(Builder::rank));
            for (int pick : picks) {
                if (raw == null) {
                    mutate(pick);
                }
            }
            head = method.equals("HEAD");
            String path = prefix + segment + suffix;
            if (raw == null && body != null && body.length > 0
                    && List.of("GET", "HEAD", "DELETE", "TRACE", "CONNECT").contains(method)) {
                // Grizzly refuses a body on these methods itself, before any application.
                tags.add("grizzly:body-on-" + method);
            }
            return new Case(index, api, path, raw != null ? raw : bytes(path), head, canary && raw == null,
                    List.copyOf(tags));
        }

        // ---- valid starting points -------------------------------------------------------------------------

        private void base() {
            int pick = random.nextInt(100);
            api = pick < 25 ? Api.MIJNKLANTPORTAAL : pick < 40 ? Api.EQUALSMONEY : pick < 55 ? Api.PARTOO
                    : pick < 70 ? Api.MOLLIE : Api.ADMIN;
            header("Host", "127.0.0.1");
            switch (api) {
                case MIJNKLANTPORTAAL -> {
                    if (random.nextBoolean()) {
                        method = "POST";
                        prefix = "/mijnklantportaal/v1/webhooks";
                        segment = "";
                        json(mkpBody());
                    } else {
                        method = "GET";
                        prefix = "/mijnklantportaal/v1/webhooks/";
                        segment = pick(MKP_IDS);
                    }
                }
                case EQUALSMONEY -> {
                    method = "GET";
                    prefix = "/equalsmoney/v2/webhooks/";
                    segment = pick(EQUALS_IDS);
                    if (random.nextInt(3) == 0) {
                        query = "accountId=F50091";
                    }
                }
                case PARTOO -> {
                    method = "GET";
                    prefix = "/partoo/v2/webhooks/";
                    segment = pick(PARTOO_IDS);
                    if (random.nextInt(3) == 0) {
                        query = "org_id=1";
                    }
                }
                case MOLLIE -> {
                    method = "GET";
                    prefix = "/mollie/v2/webhooks/";
                    segment = pick(MOLLIE_IDS);
                    if (random.nextInt(10) < 7) {
                        query = "testmode=true";
                    }
                }
                case ADMIN -> {
                    adminApi = pick(ADMIN_APIS);
                    int kind = random.nextInt(100);
                    if (kind < 45) {
                        method = "POST";
                        adminCreate = true;
                        prefix = "/__admin/";
                        segment = adminApi;
                        suffix = "/webhooks";
                        json(adminBody(adminApi));
                    } else if (kind < 75) {
                        method = "GET";
                        prefix = "/__admin/";
                        segment = adminApi;
                        suffix = "/webhooks";
                    } else if (kind < 90) {
                        method = "DELETE";
                        prefix = "/__admin/" + adminApi + "/webhooks/";
                        segment = "fuzz-" + alphanumeric(8);
                    } else {
                        // Never with a working token: a reset would wipe the records the test checks afterwards.
                        method = "POST";
                        prefix = "/__admin/reset";
                        segment = "";
                        reset = true;
                        tags.add("admin:reset-with-bad-token");
                    }
                }
            }
            if (reset) {
                badAdminCredential();
            } else {
                header(api.authHeader, api.equals(Api.EQUALSMONEY) && random.nextBoolean() ? "equals_any_key"
                        : api.equals(Api.PARTOO) && "org_id=1".equals(query) ? "partoo_provider_key" : api.credential);
            }
            tags.add(api.name().toLowerCase(Locale.ROOT) + ":" + method);
        }

        private String mkpBody() {
            return "{\"url\":\"https://example.com/fuzz/" + index + "\",\"type\":\"" + pick(MKP_TYPES) + "\"}";
        }

        private String adminBody(String target) {
            String url = "\"url\":\"https://example.com/fuzz/" + index + "\"";
            return switch (target) {
                case "mijnklantportaal" -> "{" + url + ",\"type\":\"" + pick(MKP_TYPES) + "\",\"tenant\":\"tenant-1\"}";
                case "equalsmoney" -> "{" + url + ",\"webhookEventTypeName\":\"OrderCreated\",\"accountId\":\"F50091\"}";
                case "partoo" -> "{" + url + ",\"event_type\":\"" + pick(PARTOO_TYPES) + "\",\"org_id\":1}";
                default -> "{" + url + ",\"name\":\"fuzz " + index + "\",\"mode\":\"test\"}";
            };
        }

        // ---- mutations -------------------------------------------------------------------------------------

        private static int rank(int pick) {
            return pick >= 930 && pick < 975 ? 1 : pick >= 985 && pick < 991 ? 2 : 0;
        }

        private void mutate(int pick) {
            if (pick < 230) {
                hostileBody();
            } else if (pick < 330) {
                contentType();
            } else if (pick < 430) {
                method();
            } else if (pick < 580) {
                path();
            } else if (pick < 690) {
                query();
            } else if (pick < 840) {
                credential();
            } else if (pick < 930) {
                headers();
            } else if (pick < 975) {
                framing();
            } else if (pick < 985) {
                version();
            } else if (pick < 991) {
                requestLine();
            } else {
                existingId();
            }
        }

        private void hostileBody() {
            if (body == null && random.nextBoolean()) {
                header("Content-Type", "application/json");
            }
            preferPost();
            int kind = random.nextInt(11);
            String template = currentOrValidBody();
            switch (kind) {
                case 0 -> {
                    byte[] bytes = new byte[random.nextInt(3000)];
                    random.nextBytes(bytes);
                    body = bytes;
                    tags.add("body:random-bytes");
                }
                case 1 -> {
                    body = latin1(template.substring(0, random.nextInt(Math.max(1, template.length()))));
                    tags.add("body:truncated-json");
                }
                case 2 -> {
                    int depth = pick(new int[] {63, 64, 65, 100, 1000, 20000, 30000});
                    boolean objects = random.nextBoolean();
                    boolean closed = random.nextBoolean();
                    StringBuilder nested = new StringBuilder();
                    for (int i = 0; i < depth; i++) {
                        nested.append(objects ? "{\"a\":" : "[");
                    }
                    nested.append("1");
                    if (closed) {
                        for (int i = 0; i < depth; i++) {
                            nested.append(objects ? "}" : "]");
                        }
                    }
                    body = latin1(objects && closed && random.nextBoolean()
                            ? "{\"url\":\"https://example.com/n\",\"type\":\"customer-created\",\"x\":" + nested + "}"
                            : nested.toString());
                    tags.add("body:nested-" + depth + (closed ? "" : "-unclosed"));
                }
                case 3 -> {
                    String field = pick(new String[] {"url", "type", "event_type", "webhookEventTypeName", "id",
                        "name", "mode", "org_id"});
                    String value = random.nextBoolean() ? "\"https://example.com/dup\"" : "1";
                    body = latin1(template.replaceFirst("\\{", "{\"" + field + "\":" + value + ",\"" + field + "\":"
                            + value + ","));
                    tags.add("body:duplicate-key");
                }
                case 4 -> {
                    int length = pick(new int[] {1000, 10_000, 60_000, 65_000, 70_000, 200_000});
                    String huge = "https://example.com/" + "a".repeat(length);
                    body = latin1(random.nextBoolean() ? template.replaceFirst("https://example.com/[^\"]*", huge)
                            : "{\"" + "k".repeat(length) + "\":1}");
                    tags.add("body:huge-string-" + length);
                }
                case 5 -> {
                    String number = pick(new String[] {"1" + "0".repeat(5000), "1e999999999", "-0", "1.5e-400",
                        "-9223372036854775809", "18446744073709551616", "0.0000000000000000000001", "1E+2", "NaN",
                        "Infinity", "-Infinity", "0x10", "01"});
                    body = latin1(template.replaceFirst(":\\s*(\"[^\"]*\"|\\d+)", ":" + number));
                    tags.add("body:odd-number");
                }
                case 6 -> {
                    String wrong = pick(new String[] {"123", "-1", "1.5", "true", "false", "null", "[]", "{}",
                        "[1,2]", "{\"a\":1}", "\"\"", "[null]", "{\"url\":null}"});
                    String field = pick(new String[] {"url", "type", "event_type", "webhookEventTypeName", "name",
                        "mode", "org_id", "tenant", "accountId", "enabled", "eventTypes", "custom_headers",
                        "createdAt", "created_at", "profileId", "status", "id", "secret"});
                    body = latin1(template.replaceFirst("\\{", "{\"" + field + "\":" + wrong + ","));
                    if (template.contains("\"" + field + "\"")) {
                        body = latin1(template.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\d+)",
                                "\"" + field + "\":" + wrong));
                    }
                    tags.add("body:wrong-type-" + field);
                }
                case 7 -> {
                    body = latin1(pick(new String[] {"null", "{\"url\":null,\"type\":null}", "[null]",
                        "{\"url\":null}", "{\"type\":null,\"url\":\"https://example.com/x\"}", "{null:1}",
                        "{\"url\":\"https://example.com/x\",\"type\":\"customer-created\",\"tenant\":null}"}));
                    tags.add("body:nulls");
                }
                case 8 -> {
                    body = latin1(pick(new String[] {"", " ", "[]", "\"str\"", "42", "true", "{} {}", "{}x",
                        "/* c */ {}", "{'url':'x'}", "{\"url\":\"\u00ff\u00fe\"}", "{\"url\":\"\\ud800\"}",
                        "{\"url\":\"a\u0001b\"}", "{\"url\":\"\\u0000\"}", "\u00ef\u00bb\u00bf{}", "{\"a\":1,}",
                        "{\"url\"}", "{\"url\":}", "\u0000", "{\"url\":\"https://example.com/x\"", "}"}));
                    tags.add("body:odd-json");
                }
                case 9 -> {
                    StringBuilder many = new StringBuilder("{\"url\":\"https://example.com/m\",\"type\":\"offer-created\"");
                    int count = pick(new int[] {100, 1000, 5000});
                    for (int i = 0; i < count; i++) {
                        many.append(",\"f").append(i).append("\":").append(i);
                    }
                    body = latin1(many.append('}').toString());
                    tags.add("body:" + count + "-extra-fields");
                }
                default -> {
                    body = utf16(template);
                    tags.add("body:utf16");
                }
            }
        }

        /**
         * Grizzly answers a GET, HEAD or DELETE that carries a body with a 400 before any application sees it;
         * so that body mutations mostly reach the APIs, they usually turn such a request into a POST (which the
         * API then refuses with a 405 in its format, or processes).
         */
        private void preferPost() {
            if (!method.equals("POST") && !reset && random.nextInt(5) < 4) {
                method = "POST";
                tags.add("method:POST-for-body");
            }
        }

        private String currentOrValidBody() {
            if (body != null && body.length > 0 && body.length < 10_000 && body[0] == '{') {
                return new String(body, StandardCharsets.ISO_8859_1);
            }
            return adminApi != null ? adminBody(adminApi) : mkpBody();
        }

        private void contentType() {
            if (body == null) {
                preferPost();
                json(currentOrValidBody());
            }
            int kind = random.nextInt(24);
            String value = switch (kind) {
                case 0 -> null;
                case 1 -> "text/plain";
                case 2 -> "application/xml";
                case 3 -> "application/x-www-form-urlencoded";
                case 4 -> "multipart/form-data; boundary=x";
                case 5 -> "application/json; charset=klingon";
                case 6 -> "application/json; charset=utf-16";
                case 7 -> "application/json;;;;";
                case 8 -> "application/json; charset=\"unterminated";
                case 9 -> ";;;==";
                case 10 -> "";
                case 11 -> "application/json, text/plain";
                case 12 -> "APPLICATION/JSON";
                case 13 -> "application/hal+json";
                case 14 -> "application/*";
                case 15 -> "*/*";
                case 16 -> "application/json\u0000";
                case 17 -> "application/json; boundary=\u00ff\u00fe";
                case 18 -> "application/" + "x".repeat(2000);
                case 19 -> "application/jsonx";
                case 20 -> "application/vnd.api+json";
                case 21 -> "json";
                default -> "application/json";
            };
            remove("Content-Type");
            if (kind == 22) {
                header("Content-Type", "application/json");
                header("Content-Type", "text/plain");
                tags.add("ctype:two-headers");
            } else if (kind == 23) {
                header("Content-Type", "application/json");
                header("Content-Type", "application/json");
                tags.add("ctype:two-identical-headers");
            } else {
                if (value != null) {
                    header("Content-Type", value);
                }
                tags.add("ctype:" + (value == null ? "none" : RawHttp.printable(value, 40)));
            }
        }

        private void method() {
            String odd = pick(new String[] {"PATCH", "PUT", "DELETE", "TRACE", "OPTIONS", "HEAD", "FOO", "GETT",
                "get", "Post", "PROPFIND", "M".repeat(100), "CONNECT", "GET", "POST"});
            if (odd.equals(method)) {
                odd = "PATCH";
            }
            if (reset && odd.equals("GET")) {
                odd = "PUT";
            }
            method = odd;
            tags.add("method:" + (odd.length() > 12 ? odd.substring(0, 3) + "x" + odd.length() : odd));
        }

        private void path() {
            String[] junk = {"%00", "a%00b", "%2F", "a%2Fb", "%2f..%2f", "../", "..", ".", "../../../", "..%2F..%2F..%2F",
                "%2e%2e/%2e%2e/", "%2E%2E%2F", "\u00c3\u00a9t\u00c3\u00a9", "\u00f0\u009f\u0092\u00a9", "%C3%A9",
                "%F0%9F%92%A9", "%C0%AF", "%E0%80%AF", "%ff%fe", "%zz", "%", "%4", "%%", "%u0041", "x".repeat(10_240),
                "x".repeat(7000), segment + "/", "/" + segment, segment + ";a=b", ";", "\\", "x\\..\\y", "%5C",
                "%23frag", "%3F", "~user", "{id}", "|", "%22", "%EF%BC%8F", "99999999999999999999", "-1", "0",
                "1e3", "0x1", "1.0", "+1", "%201", segment.toUpperCase(Locale.ROOT), "", "%20", "null", "undefined",
                "a b", "a\tb", "a\u0000b", "a\rb"};
            int kind = random.nextInt(junk.length + 3);
            if (kind == junk.length) {
                prefix = prefix.replaceFirst("^/([a-z_]+)", "/$1%2F").replace("%2F/", "%2F");
                tags.add("path:encoded-slash-in-base");
                return;
            }
            if (kind == junk.length + 1) {
                prefix = prefix.toUpperCase(Locale.ROOT);
                tags.add("path:upper-case-base");
                return;
            }
            if (kind == junk.length + 2) {
                prefix = prefix.replace("/", "//");
                tags.add("path:double-slashes");
                return;
            }
            String value = junk[kind];
            if (reset) {
                suffix = "/" + value;
            } else {
                segment = value;
            }
            tags.add("path:" + (value.length() > 30 ? "x" + value.length() : RawHttp.printable(value, 30)));
        }

        private void query() {
            String[] generic = {"%zz", "a=%zz", "%zz=1", "&&&", "=", "==x", "a[]=1&a[]=2", "x=" + "y".repeat(5000),
                "a=1&".repeat(1500), "%00=%00", "+", "a=\u00c3\u00a9", "a=%C0%AF", "%", "a=b;c=d", "?", "a=%2F..%2F",
                "x=" + "z".repeat(9000)};
            String[] specific = switch (api) {
                case MOLLIE -> new String[] {"testmode=true&testmode=false", "testmode=TRUE", "testmode=1",
                    "testmode=", "testmode", "testmode=%zz", "testmode=null", "testmode=true%00",
                    "testmode=" + "t".repeat(10_000), "testmode=yes", "TESTMODE=true"};
                case PARTOO -> new String[] {"org_id=1e3", "org_id=-1", "org_id=0", "org_id=1.0",
                    "org_id=99999999999999999999", "org_id=0x1", "org_id=%201", "org_id=1&org_id=2", "org_id=",
                    "org_id", "org_id=%zz", "org_id=1%00", "org_id=" + "9".repeat(5000), "org_id=2147483648",
                    "org_id=-2147483649"};
                case EQUALSMONEY -> new String[] {"accountId=%00", "accountId=", "accountId=" + "A".repeat(10_000),
                    "accountId=F50091&accountId=X", "accountId=%zz", "accountId=null", "accountId=F50091%00",
                    "accountId=%C0%AF"};
                default -> new String[] {"testmode=true&testmode=false", "org_id=1e3"};
            };
            String value = random.nextBoolean() ? pick(specific) : pick(generic);
            query = query != null && random.nextInt(3) == 0 ? query + "&" + value : value;
            tags.add("query:" + (value.length() > 30 ? "x" + value.length() : RawHttp.printable(value, 30)));
        }

        private void credential() {
            if (reset) {
                badAdminCredential();
                return;
            }
            String name = api.authHeader;
            String good = current(name) != null ? current(name) : api.credential;
            String key = good.startsWith("Bearer ") ? good.substring(7) : good;
            String scheme = good.startsWith("Bearer ") ? "Bearer " : "";
            int kind = random.nextInt(26);
            remove(name);
            switch (kind) {
                case 0 -> tags.add("auth:none");
                case 1 -> set(name, "", "auth:empty");
                case 2 -> set(name, "A".repeat(10_240), "auth:10KB");
                case 3 -> set(name, scheme + "A".repeat(10_240), "auth:10KB-after-scheme");
                case 4 -> set(name, good + "\u0001\u0002", "auth:valid+control-chars");
                case 5 -> set(name, "\u0001" + good, "auth:control+valid");
                // An earlier mutation may have left the key shorter than three characters, or empty.
                case 6 -> set(name, scheme + key.substring(0, Math.min(3, key.length())) + "\u007f"
                        + key.substring(Math.min(3, key.length())), "auth:DEL-inside");
                case 7 -> set(name, "Basic dXNlcjpwYXNz", "auth:basic");
                case 8 -> set(name, "Token " + key, "auth:token-scheme");
                case 9 -> set(name, "Bearer", "auth:bearer-alone");
                case 10 -> set(name, "Bearer ", "auth:bearer-space");
                case 11 -> set(name, "Bearer  " + key, "auth:double-space");
                case 12 -> set(name, "bearer " + key, "auth:lower-scheme");
                case 13 -> set(name, "BEARER " + key, "auth:upper-scheme");
                case 14 -> set(name, good + "x", "auth:valid+x");
                case 15 -> set(name, good + " junk", "auth:valid+space-junk");
                case 16 -> set(name, good + "," + good, "auth:valid,valid");
                case 17 -> set(name, good + "\u0000", "auth:valid+NUL");
                case 18 -> set(name, "\u00ff\u00fe" + good, "auth:non-ascii+valid");
                case 19 -> {
                    header(name, good);
                    header(name, "junk");
                    tags.add("auth:two-headers-valid-first");
                }
                case 20 -> {
                    header(name, "junk");
                    header(name, good);
                    tags.add("auth:two-headers-valid-last");
                }
                case 21 -> set(name.toUpperCase(Locale.ROOT), good, "auth:upper-case-name");
                case 22 -> set(name, new StringBuilder(key).reverse().toString(), "auth:reversed");
                case 23 -> set(name, scheme.isEmpty() ? "Bearer " + key : key, "auth:scheme-swapped");
                case 24 -> set(name, scheme + "\u00ef\u00bd\u008d" + key.substring(1), "auth:unicode-lookalike");
                default -> set(name, "Bearer mkp_other_key", "auth:other-tenant");
            }
        }

        private void badAdminCredential() {
            remove("Authorization");
            String bad = pick(new String[] {null, "", "A".repeat(10_240), "Basic YWRtaW46YWRtaW4=",
                "Token admin_test_key", "Bearer", "Bearer admin_test_keyx", "Bearer admin_test_key,junk",
                "Bearer xadmin_test_key", "Bearer admin_test\u0001key", "admin_test_key", "Bearer mkp_test_key"});
            if (bad != null) {
                header("Authorization", bad);
            }
            tags.add("auth:admin-bad");
        }

        private void headers() {
            int kind = random.nextInt(20);
            switch (kind) {
                case 0 -> add("X-Junk", "j".repeat(20_000), "header:20KB");
                case 1 -> add("X-Junk", "j".repeat(300_000), "header:300KB");
                case 2 -> {
                    for (int i = 0; i < 200; i++) {
                        header("X-H" + i, "v" + i);
                    }
                    // Grizzly refuses more than 100 header fields itself.
                    tags.add("header:200-headers");
                }
                case 3 -> add("Bad Header", "x", "header:space-in-name");
                case 4 -> add("X-Fold", "a\r\n b", "header:obs-fold");
                case 5 -> add("Expect", "100-continue", "header:expect-continue");
                case 6 -> add("Expect", "something-odd", "header:expect-odd");
                case 7 -> {
                    header("Upgrade", "h2c");
                    header("Connection", "Upgrade, HTTP2-Settings");
                    add("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA", "header:upgrade-h2c");
                }
                case 8 -> {
                    header("Upgrade", "websocket");
                    add("Connection", "Upgrade", "header:upgrade-websocket");
                }
                case 9 -> add("Accept", "junk/junk;q=x", "header:accept-junk");
                case 10 -> add("Accept", "application/xml", "header:accept-xml");
                case 11 -> {
                    remove("Host");
                    add("Host", "a b", "header:host-junk");
                }
                case 12 -> add("X-HTTP-Method-Override", "DELETE", "header:method-override");
                case 13 -> add("Content-Encoding", "gzip", "header:content-encoding-gzip");
                case 14 -> add("X-A", "a\u0000b", "header:NUL-in-value");
                case 15 -> add("X-\u007f", "y", "header:DEL-in-name");
                case 16 -> add("Range", "bytes=junk", "header:range-junk");
                case 17 -> add("Cookie", "a=" + "\u00ff".repeat(100), "header:cookie-non-ascii");
                case 18 -> add("Connection", "close", "header:connection-close");
                default -> add("Accept-Charset", "klingon", "header:accept-charset-junk");
            }
        }

        private void framing() {
            if (body == null) {
                preferPost();
                json(currentOrValidBody());
            }
            int kind = random.nextInt(10);
            automaticLength = false;
            byte[] content = body;
            switch (kind) {
                case 0 -> set("Content-Length", "abc", "framing:length-abc");
                case 1 -> set("Content-Length", "-1", "framing:length-negative");
                case 2 -> set("Content-Length", "1e3", "framing:length-1e3");
                case 3 -> {
                    header("Content-Length", Integer.toString(content.length));
                    header("Content-Length", Integer.toString(content.length + 1));
                    tags.add("framing:two-lengths");
                }
                case 4 -> {
                    header("Transfer-Encoding", "chunked");
                    header("Content-Length", Integer.toString(content.length));
                    body = chunked(content, null);
                    tags.add("framing:chunked-and-length");
                }
                case 5 -> {
                    header("Transfer-Encoding", "chunked");
                    body = concat(latin1("zz\r\n"), content, latin1("\r\n0\r\n\r\n"));
                    tags.add("framing:bad-chunk-size");
                }
                case 6 -> {
                    header("Transfer-Encoding", "chunked");
                    // Valid HTTP (RFC 9112 §7.1.1), but Grizzly's chunk parser refuses a quoted extension value.
                    body = chunked(content, "ext=\"x\"");
                    tags.add("framing:chunked-with-extension");
                }
                case 7 -> {
                    header("Transfer-Encoding", "gzip");
                    // No framing the server can use: whatever it does with the bytes, they must not be read as a
                    // further request on a connection it keeps open.
                    canary = false;
                    tags.add("framing:transfer-encoding-gzip");
                }
                case 8 -> {
                    header("Content-Length", Integer.toString(Math.max(0, content.length - 3)));
                    body = content;
                    // The request itself is well framed; the 3 bytes left over are the next request's problem.
                    canary = false;
                    tags.add("framing:length-shorter-than-body");
                }
                default -> {
                    remove("Host");
                    automaticLength = true;
                    tags.add("framing:no-host");
                }
            }
        }

        private void version() {
            version = "HTTP/1.0";
            remove("Host");
            tags.add("version:1.0-no-host");
        }

        private void requestLine() {
            byte[] noise = new byte[1 + random.nextInt(200)];
            random.nextBytes(noise);
            for (int i = 0; i < noise.length; i++) {
                if (noise[i] == '\r' || noise[i] == '\n') {
                    noise[i] = 'x';
                }
            }
            int kind = random.nextInt(7);
            raw = switch (kind) {
                case 0 -> latin1("GARBAGE\r\n\r\n");
                case 1 -> concat(noise, latin1("\r\n\r\n"));
                case 2 -> latin1("GET\r\n\r\n");
                case 3 -> latin1("GET /health HTTP/1.1 extra\r\nHost: x\r\n\r\n");
                case 4 -> latin1("G".repeat(10_000) + " /health HTTP/1.1\r\nHost: x\r\n\r\n");
                case 5 -> latin1("GET health HTTP/1.1\r\nHost: x\r\n\r\n");
                default -> concat(latin1("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003"), noise,
                        latin1("\r\n\r\n"));
            };
            prefix = "/";
            segment = "";
            suffix = "";
            tags.clear();
            tags.add("request-line:" + new String[] {"GARBAGE", "random-bytes", "method-only", "extra-token",
                "10KB-method", "no-slash", "tls-hello"}[kind]);
        }

        /** An admin create naming an id that exists: it must be refused, never overwrite the record. */
        private void existingId() {
            if (!adminCreate) {
                hostileBody();
                return;
            }
            String id = switch (adminApi) {
                case "mijnklantportaal" -> "\"" + pick(new String[] {"wbh_abc12345def678", SEEDED_MKP_ID}) + "\"";
                case "equalsmoney" -> "\"" + pick(new String[] {EQUALS_IDS[0], SEEDED_EQUALS_ID,
                    SEEDED_EQUALS_ID.toUpperCase(Locale.ROOT)}) + "\"";
                case "partoo" -> pick(new String[] {"1", Long.toString(SEEDED_PARTOO_ID), "\"4242\""});
                default -> "\"" + pick(new String[] {MOLLIE_IDS[0], SEEDED_MOLLIE_ID}) + "\"";
            };
            body = latin1(adminBody(adminApi).replaceFirst("\\{", "{\"id\":" + id + ","));
            tags.add("body:existing-id");
        }

        // ---- assembly --------------------------------------------------------------------------------------

        private byte[] bytes(String path) {
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(path);
            if (query != null) {
                head.append('?').append(query);
            }
            head.append(' ').append(version).append("\r\n");
            boolean chunked = false;
            boolean hasLength = false;
            for (String[] header : headers) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
                chunked |= header[0].equalsIgnoreCase("Transfer-Encoding");
                hasLength |= header[0].equalsIgnoreCase("Content-Length");
            }
            if (body != null && automaticLength && !chunked && !hasLength) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            return body == null ? latin1(head.toString()) : concat(latin1(head.toString()), body);
        }

        private void json(String text) {
            remove("Content-Type");
            header("Content-Type", "application/json");
            body = latin1(text);
        }

        private String current(String name) {
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    return header[1];
                }
            }
            return null;
        }

        private void header(String name, String value) {
            headers.add(new String[] {name, value});
        }

        private void remove(String name) {
            headers.removeIf(header -> header[0].equalsIgnoreCase(name));
        }

        private void set(String name, String value, String tag) {
            remove(name);
            header(name, value);
            tags.add(tag);
        }

        private void add(String name, String value, String tag) {
            header(name, value);
            tags.add(tag);
        }

        private String alphanumeric(int length) {
            String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private int pick(int[] values) {
            return values[random.nextInt(values.length)];
        }
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16);
    }

    private static byte[] chunked(byte[] content, String extension) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int half = content.length / 2;
        for (byte[] part : new byte[][] {java.util.Arrays.copyOfRange(content, 0, half),
            java.util.Arrays.copyOfRange(content, half, content.length)}) {
            if (part.length == 0) {
                continue;
            }
            out.writeBytes(latin1(Integer.toHexString(part.length) + (extension == null ? "" : ";" + extension)
                    + "\r\n"));
            out.writeBytes(part);
            out.writeBytes(latin1("\r\n"));
        }
        out.writeBytes(latin1("0\r\n\r\n"));
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
