package lrwb.engine.sweep;
// TEMPORARY contract copy (branch sweepui); replaced by the sweep branch's file on merge.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
public record SweepGrid(String name, JsonNode given, List<SweepCell> cells, boolean stopDiverged) {
    public static SweepGrid parse(String json) { throw new UnsupportedOperationException(); }
    public static SweepGrid fromJson(JsonNode given) { throw new UnsupportedOperationException(); }
    public ObjectNode toJson() { throw new UnsupportedOperationException(); }
    public static SweepGrid read(Path sweepDir) { throw new UnsupportedOperationException(); }
}
