package dev.hookstub.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: Debian's package (installed when missing), a fresh cluster in a temporary
 * folder, listening on a free loopback port, fast rather than durable (the tests kill the stub, never the server's
 * host). PostgreSQL refuses to run as root, so under root it runs as the system user {@value #SYSTEM_USER}.
 * {@link #shared()} is one server for the whole test JVM, each caller taking a database of its own; a test that
 * stops the server starts its own.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "hookstub";
    public static final String PASSWORD = "pg_Pw9sEcReT";
    private static final String SUPERUSER = "postgres";
    private static final String SUPERUSER_PASSWORD = "super_Pw4sEcReT";
    private static final String SYSTEM_USER = "hookstub-pg";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private static PostgresServer shared;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The JVM's server, started on first use and stopped when the JVM exits. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-test-server-stop"));
        }
        return shared;
    }

    /** A server of the caller's own, for a test that stops and restarts it. */
    public static PostgresServer start() {
        Path bin = binaries();
        try {
            Path dir = Files.createTempDirectory("hookstub-pg");
            int port = freePort();
            PostgresServer server = new PostgresServer(bin, dir, port);
            server.initialise();
            server.resume();
            try (Connection connection = server.superuser("postgres"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new, empty database owned by {@link #USER}; its JDBC URL. */
    public String newDatabase() {
        String name = "stub_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public PostgresSettings settings(String url) {
        return new PostgresSettings(url, USER, PASSWORD);
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server, cutting every connection ({@code -m fast}: sessions are terminated, not waited for). Not
     * {@code immediate}: with this test server's fsync and synchronous_commit off, an immediate stop can lose
     * what was committed (a test database's tables came back missing), which a real server would not.
     */
    public void pause() {
        run(30, List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"));
    }

    /** Starts it (again) on the same port. */
    public void resume() {
        run(60, List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", dir.resolve("log").toString(),
                "-w", "-t", "30", "-o", "-h 127.0.0.1 -p " + port + " -k " + dir
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start"));
    }

    @Override
    public void close() {
        try {
            pause();
        } catch (RuntimeException e) {
            // Already stopped; the folder goes all the same.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind harms nothing.
        }
    }

    private void initialise() throws IOException {
        Path passwordFile = Files.writeString(dir.resolve("superuser-password"), SUPERUSER_PASSWORD);
        if (ROOT) {
            ensureSystemUser();
            exec(30, List.of("chown", "-R", SYSTEM_USER, dir.toString()));
        }
        run(60, List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", SUPERUSER,
                "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"));
    }

    private Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(url(database), SUPERUSER, SUPERUSER_PASSWORD);
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** A PostgreSQL command, as the system user under root. */
    private static void run(int seconds, List<String> command) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        full.addAll(command);
        exec(seconds, full);
    }

    private static void ensureSystemUser() {
        if (exec(10, List.of("id", "-u", SYSTEM_USER), false) != 0) {
            exec(30, List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER));
        }
    }

    /** initdb and pg_ctl of the newest PostgreSQL under /usr/lib/postgresql, installed first when there is none. */
    private static synchronized Path binaries() {
        Path found = newestBinaries();
        if (found == null && ROOT) {
            if (exec(600, List.of("apt-get", "install", "-y", "-q", "postgresql"), false) != 0) {
                exec(600, List.of("apt-get", "update", "-q"));
                exec(600, List.of("apt-get", "install", "-y", "-q", "postgresql"));
            }
            found = newestBinaries();
        }
        if (found == null) {
            throw new IllegalStateException("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb) and "
                    + "cannot be installed without root: apt-get install postgresql");
        }
        return found;
    }

    private static Path newestBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(PostgresServer::majorVersion)).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void exec(int seconds, List<String> command) {
        exec(seconds, command, true);
    }

    private static int exec(int seconds, List<String> command, boolean mustSucceed) {
        try {
            Path output = Files.createTempFile("hookstub-pg-cmd", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                builder.environment().put("DEBIAN_FRONTEND", "noninteractive"); // apt-get asks nothing
                Process process = builder.start();
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in " + seconds + " s");
                }
                if (mustSucceed && process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue()
                            + "):\n" + Files.readString(output));
                }
                return process.exitValue();
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
