package lrwb.app.model;

import lrwb.engine.model.layers.LayerStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTextTest {
    @Test
    void shortFormsStayAndLongOnesAreAbbreviated() {
        assertThat(ModelText.readable("mlp:64,32")).isEqualTo("mlp:64,32");
        assertThat(ModelText.readable("cifar-cnn")).isEqualTo("cifar-cnn");
        String json = LayerStack.preset("lenet5").orElseThrow().toJson();
        assertThat(ModelText.readable(json)).isEqualTo("layers (6)");
        assertThat(ModelText.isAbbreviated(json)).isTrue();
        assertThat(ModelText.readable("keras:/home/me/models/m.h5")).isEqualTo("keras: m.h5");
        assertThat(ModelText.readable("dl4j:C:\\models\\net.zip")).isEqualTo("dl4j: net.zip");
        assertThat(ModelText.readable("run:/home/me/.lrworkbench/runs/20240101-120000-train-iris/"))
                .isEqualTo("run: 20240101-120000-train-iris");
        assertThat(ModelText.readable("nets/my-net.json")).isEqualTo("layers: my-net.json");
        assertThat(ModelText.isAbbreviated("mlp:16")).isFalse();
    }

    @Test
    void whatTheEngineRecordsReadsShort() {
        String json = LayerStack.preset("lenet5").orElseThrow().toJson();
        assertThat(ModelText.readable(lrwb.engine.model.ModelSpec.parse(json).describe())).isEqualTo("layers (6)");
        assertThat(ModelText.readable(lrwb.engine.model.ModelSpec.parse("cifar-cnn").describe())).isEqualTo("cifar-cnn");
        assertThat(ModelText.readable(lrwb.engine.model.ModelSpec.parse("keras:/m/net.h5").describe())).isEqualTo("keras: net.h5");
        assertThat(ModelText.readable(lrwb.engine.model.ModelSpec.parse("run:/runs/r7").describe())).isEqualTo("run: r7");
    }

    @Test
    void filesAndRunsBecomeTheirForms() {
        assertThat(ModelText.forFile(Path.of("/m/a.H5"))).isEqualTo("keras:/m/a.H5");
        assertThat(ModelText.forFile(Path.of("/m/a.hdf5"))).isEqualTo("keras:/m/a.hdf5");
        assertThat(ModelText.forFile(Path.of("/m/a.zip"))).isEqualTo("dl4j:/m/a.zip");
        assertThat(ModelText.forRun(Path.of("/runs/r1"))).isEqualTo("run:/runs/r1");
        assertThat(ModelText.isFileOrRun("run:/runs/r1")).isTrue();
        assertThat(ModelText.isFileOrRun("cnn")).isFalse();
    }
}
