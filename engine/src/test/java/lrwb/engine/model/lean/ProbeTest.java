package lrwb.engine.model.lean;
import lrwb.engine.model.*;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import java.lang.management.*;
class ProbeTest {
  @Test void probe() {
    lrwb.engine.runtime.NativeSettings.applyToCurrentThread();
    String[] models = {System.getProperty("probe.model", "mlp:16")};
    int in = Integer.getInteger("probe.in", 4), classes = Integer.getInteger("probe.classes", 3), bs = Integer.getInteger("probe.batch", 16);
    NetworkShape shape = NetworkShape.tabular(in, classes);
    MultiLayerNetwork a = Networks.build(ModelSpec.parse(models[0]), OptimizerSpec.of(OptimizerSpec.Kind.NESTEROV), SteerableSchedule.constant(0.01), shape, 7, EngineTuning.defaults());
    MultiLayerNetwork b = Networks.build(ModelSpec.parse(models[0]), OptimizerSpec.of(OptimizerSpec.Kind.NESTEROV), SteerableSchedule.constant(0.01), shape, 7, EngineTuning.defaults());
    DataSet[] batches = new DataSet[32];
    for (int i = 0; i < batches.length; i++) batches[i] = TinyData.batch(shape, bs, i);
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 12; round++) {
      int n = 20000;
      long c0 = t.getCurrentThreadCpuTime(), w0 = System.nanoTime();
      if (!Boolean.getBoolean("probe.stepOnly")) for (int i = 0; i < n; i++) a.fit(batches[i & 31]);
      long c1 = t.getCurrentThreadCpuTime(), w1 = System.nanoTime();
      for (int i = 0; i < n; i++) LeanLayers.fitInJava(b, batches[i & 31]);
      long c2 = t.getCurrentThreadCpuTime(), w2 = System.nanoTime();
      System.out.printf("round %d: fit %.1f us (cpu %.1f)  step %.1f us (cpu %.1f)%n", round, (w1-w0)/1e3/n, (c1-c0)/1e3/n, (w2-w1)/1e3/n, (c2-c1)/1e3/n);
    }
  }
}
