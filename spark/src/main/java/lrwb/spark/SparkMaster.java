package lrwb.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --master} value checked before Spark sees it: Spark's own refusal of a typo is a stack trace, and a
 * standalone master that does not answer keeps a SparkContext retrying for a minute before it gives up.
 *
 * <p>Accepted: {@code local}, {@code local[N]}, {@code local[*]} (also Spark's {@code local[N,F]}: F tries per task),
 * {@code spark://HOST:PORT[,HOST:PORT...]}, {@code yarn}, {@code k8s://URL}. The last two only run under
 * {@code spark-submit} on a Spark installation that has them (the assembled jar carries spark-core only).
 *
 * @param text    the master as Spark takes it
 * @param local   whether the cells run inside this JVM (embedded Spark)
 * @param masters for {@code spark://}: each standalone master's host and port (several with ZooKeeper HA)
 */
public record SparkMaster(String text, boolean local, List<InetSocketAddress> masters) {
    /** How long {@link #checkReachable} waits for each standalone master to accept a connection. */
    static final int CONNECT_TIMEOUT_MS = 10_000;

    private static final String USE = "use local, local[N], local[*], spark://HOST:PORT, yarn or k8s://HOST:PORT";
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:\\s*,\\s*(\\d+))?])?");
    private static final Pattern HOST_PORT = Pattern.compile("([^:/\\s,]+|\\[[0-9a-fA-F:]+]):(\\d{1,5})");

    public SparkMaster {
        masters = List.copyOf(masters);
    }

    /**
     * Reads a master.
     *
     * @throws IllegalArgumentException one line naming {@code --master} and the rule
     */
    public static SparkMaster parse(String master) {
        String m = master == null ? "" : master.strip();
        if (m.isEmpty()) {
            throw bad("must name a Spark master: " + USE);
        }
        Matcher local = LOCAL.matcher(m);
        if (local.matches()) {
            checkCount(local.group(1), "threads");
            checkCount(local.group(2), "tries per task");
            return new SparkMaster(m, true, List.of());
        }
        if (m.startsWith("spark://")) {
            List<InetSocketAddress> hosts = new ArrayList<>();
            for (String hostPort : m.substring("spark://".length()).split(",", -1)) {
                Matcher hp = HOST_PORT.matcher(hostPort.strip());
                int port = hp.matches() ? Integer.parseInt(hp.group(2)) : -1;
                if (port < 1 || port > 65535) {
                    throw bad("must name HOST:PORT after spark:// (e.g. spark://node1:7077)");
                }
                String host = hp.group(1).replaceAll("^\\[|]$", "");
                hosts.add(InetSocketAddress.createUnresolved(host, port));
            }
            return new SparkMaster(m, false, hosts);
        }
        if (m.equals("yarn")) {
            return new SparkMaster(m, false, List.of());
        }
        if (m.startsWith("k8s://") && m.length() > "k8s://".length()) {
            return new SparkMaster(m, false, List.of());
        }
        throw bad("not a Spark master: " + USE);
    }

    /**
     * For {@code spark://}: waits at most {@link #CONNECT_TIMEOUT_MS} per master for one to accept a connection.
     *
     * @throws IllegalArgumentException naming the masters and why none answered
     */
    public void checkReachable() {
        if (masters.isEmpty()) {
            return;
        }
        List<String> why = new ArrayList<>();
        for (InetSocketAddress address : masters) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), CONNECT_TIMEOUT_MS);
                return;
            } catch (IOException e) {
                why.add(address.getHostString() + ":" + address.getPort() + " "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        throw bad("cannot reach the Spark master (waited up to " + CONNECT_TIMEOUT_MS / 1000
                + " s: " + String.join("; ", why) + ")");
    }

    private static void checkCount(String value, String what) {
        if (value == null || value.equals("*")) {
            return;
        }
        long n = value.length() > 9 ? Long.MAX_VALUE : Long.parseLong(value);
        if (n < 1 || n > 100_000) {
            throw bad("must have 1 to 100000 " + what + (what.equals("threads") ? " (or * for every core)" : ""));
        }
    }

    /** The rule alone: the command line puts {@code --master VALUE: } before it. */
    private static IllegalArgumentException bad(String rule) {
        return new IllegalArgumentException(rule);
    }
}
