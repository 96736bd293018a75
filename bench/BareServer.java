import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's baseline: the JDK's own HTTP server handing back fixed bytes, nothing else. Run as a single-file
 * program: {@code java -Dsun.net.httpserver.nodelay=true BareServer.java PORT RESPONSES_DIR}, where the folder holds
 * {@code <name>.path} (the request path and method), {@code <name>.status}, {@code <name>.type} and {@code <name>.body}.
 */
public final class BareServer {

    private record Canned(int status, String type, byte[] body) {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Map<String, Canned> responses = new HashMap<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".path")).toList()) {
                String name = file.getFileName().toString().replace(".path", "");
                responses.put(Files.readString(file).strip(), new Canned(
                        Integer.parseInt(Files.readString(dir.resolve(name + ".status")).strip()),
                        Files.readString(dir.resolve(name + ".type")).strip(),
                        Files.readAllBytes(dir.resolve(name + ".body"))));
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().toString();
            exchange.getRequestBody().readAllBytes();
            Canned canned = responses.get(key);
            if (canned == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", canned.type());
                exchange.sendResponseHeaders(canned.status(), canned.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(canned.body());
                }
            }
            exchange.close();
        });
        server.start();
        System.out.println("bare server listening on " + port + " with " + responses.size() + " responses");
    }
}
