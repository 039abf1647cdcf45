package lrwb.spark;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkMasterTest {
    @Test
    void readsEveryKindOfMaster() {
        assertThat(SparkMaster.parse("local").local()).isTrue();
        assertThat(SparkMaster.parse("local[2]").local()).isTrue();
        assertThat(SparkMaster.parse("local[*]").local()).isTrue();
        assertThat(SparkMaster.parse("local[4,3]").text()).isEqualTo("local[4,3]");
        assertThat(SparkMaster.parse(" yarn ").text()).isEqualTo("yarn");
        assertThat(SparkMaster.parse("k8s://https://10.0.0.1:6443").local()).isFalse();
        SparkMaster standalone = SparkMaster.parse("spark://node1:7077,node2:7078");
        assertThat(standalone.local()).isFalse();
        assertThat(standalone.masters()).extracting(a -> a.getHostString() + ":" + a.getPort())
                .containsExactly("node1:7077", "node2:7078");
    }

    @Test
    void badMastersGetOneLineNamingTheRule() {
        assertThatThrownBy(() -> SparkMaster.parse("local[0]"))
                .hasMessage("must have 1 to 100000 threads (or * for every core)");
        assertThatThrownBy(() -> SparkMaster.parse("local[2,0]"))
                .hasMessage("must have 1 to 100000 tries per task");
        assertThatThrownBy(() -> SparkMaster.parse("spark://node1"))
                .hasMessage("must name HOST:PORT after spark:// (e.g. spark://node1:7077)");
        assertThatThrownBy(() -> SparkMaster.parse("spark://node1:99999"))
                .hasMessage("must name HOST:PORT after spark:// (e.g. spark://node1:7077)");
        assertThatThrownBy(() -> SparkMaster.parse("locale[2]"))
                .hasMessage("not a Spark master: use local, local[N], local[*], spark://HOST:PORT,"
                        + " yarn or k8s://HOST:PORT");
        assertThatThrownBy(() -> SparkMaster.parse(""))
                .hasMessage("must name a Spark master: use local, local[N], local[*], spark://HOST:PORT, yarn or k8s://HOST:PORT");
    }

    @Test
    void aStandaloneMasterThatDoesNotAnswerIsNamedAtOnce() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // free again once closed: nothing listens there
        }
        SparkMaster master = SparkMaster.parse("spark://127.0.0.1:" + closedPort);
        assertThatThrownBy(master::checkReachable)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot reach the Spark master (waited up to 10 s: 127.0.0.1:" + closedPort + " Connection refused");
        try (ServerSocket listening = new ServerSocket(0)) {
            SparkMaster.parse("spark://127.0.0.1:" + listening.getLocalPort()).checkReachable(); // no exception
        }
    }
}
