package lrwb.app.model;

import lrwb.engine.data.DataCache;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.layers.LayerActivation;
import lrwb.engine.model.layers.LayerRow;
import lrwb.engine.model.layers.LayerSpec;
import lrwb.engine.model.layers.LayerStack;
import lrwb.engine.model.layers.Padding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The layer editor's model, without a stage: every edit is checked by the engine's records. */
class LayerEditorViewModelTest {
    private static LayerEditorViewModel editor(String modelText) {
        return new LayerEditorViewModel(modelText, new CurrentThreadTaskExecutor(), new DataCache(0));
    }

    @Test
    void startsFromTheModelFieldsLayerForms() {
        assertThat(editor("mlp:64,32").result()).contains(LayerStack.mlp(List.of(64, 32)).toJson());
        assertThat(editor("cnn").result()).contains(LayerStack.cnn().toJson());
        assertThat(editor("lenet5").result()).contains(LayerStack.preset("lenet5").orElseThrow().toJson());
        String json = LayerStack.preset("cifar-cnn").orElseThrow().toJson();
        assertThat(editor(json).result()).contains(json);
        LayerEditorViewModel file = editor("keras:/m/a.h5");
        assertThat(file.layers()).isEmpty();
        assertThat(file.startNoteProperty().get()).contains("keras: a.h5 is a saved network");
    }

    @Test
    void addRemoveMoveAndEditMakeTheExpectedJson() {
        LayerEditorViewModel vm = editor("mlp:16");
        vm.add(LayerType.DROPOUT); // after the selected dense layer
        vm.selectedProperty().get().field("rate").textProperty().set("0.5");
        vm.add(LayerType.DENSE);
        vm.selectedProperty().get().field("units").textProperty().set("8");
        vm.selectedProperty().get().field("activation").textProperty().set("tanh");
        vm.l2().textProperty().set("1e-4");
        vm.weightInit().textProperty().set("xavier");
        assertThat(vm.result()).contains(new LayerStack(List.of(new LayerSpec.Dense(16, LayerActivation.RELU),
                new LayerSpec.Dropout(0.5), new LayerSpec.Dense(8, LayerActivation.TANH)), "xavier", 1e-4).toJson());

        vm.moveUp(); // dense 8 above the dropout
        assertThat(vm.stackProperty().get().layers()).extracting(LayerSpec::type).containsExactly("dense", "dense", "dropout");
        vm.moveDown();
        vm.moveDown(); // already last: stays
        assertThat(vm.stackProperty().get().layers()).extracting(LayerSpec::type).containsExactly("dense", "dropout", "dense");
        vm.selectedProperty().set(vm.layers().get(1));
        vm.remove();
        assertThat(vm.selectedProperty().get()).isSameAs(vm.layers().get(1));
        assertThat(vm.result()).contains(new LayerStack(List.of(new LayerSpec.Dense(16, LayerActivation.RELU),
                new LayerSpec.Dense(8, LayerActivation.TANH)), "xavier", 1e-4).toJson());
    }

    @Test
    void aFreshConvLayerAndItsOwnL2() {
        LayerEditorViewModel vm = editor("");
        LayerDraft conv = vm.add(LayerType.CONV2D);
        conv.field("l2").textProperty().set("0.001");
        assertThat(vm.stackProperty().get().layers())
                .containsExactly(new LayerSpec.Conv2d(32, 3, 1, Padding.SAME, LayerActivation.RELU, 0.001));
        conv.field("l2").textProperty().set("");
        assertThat(vm.stackProperty().get().layers()).containsExactly(new LayerSpec.Conv2d(32, 3, Padding.SAME, LayerActivation.RELU));
    }

    @Test
    void aBadValueShowsTheEnginesMessageAtItsFieldAndRowAndBlocksOk() {
        LayerEditorViewModel vm = editor("mlp:16");
        LayerDraft dropout = vm.add(LayerType.DROPOUT);
        dropout.field("rate").textProperty().set("1.5");
        assertThat(dropout.field("rate").error()).isEqualTo("layers[1].rate must be in [0, 1) (got 1.5)");
        assertThat(dropout.errorProperty().get()).isEqualTo("layers[1].rate must be in [0, 1) (got 1.5)");
        assertThat(vm.result()).isEmpty();
        assertThat(vm.summaryNoteProperty().get()).contains("layers[1].rate must be in [0, 1)");

        dropout.field("rate").textProperty().set("lots");
        assertThat(dropout.field("rate").error()).startsWith("layers[1].rate must be a number");
        dropout.field("rate").textProperty().set("0.2");
        assertThat(dropout.field("rate").error()).isEmpty();
        assertThat(vm.result()).isPresent();

        vm.layers().get(0).field("units").textProperty().set("0");
        assertThat(vm.layers().get(0).field("units").error()).isEqualTo("layers[0].units must be in [1, 65536] (got 0)");
        vm.layers().get(0).field("units").textProperty().set("16");
        vm.weightInit().textProperty().set("glorot");
        assertThat(vm.weightInit().error()).isEqualTo("weightInit must be one of he, xavier (got \"glorot\")");
        vm.weightInit().textProperty().set(LayerEditorViewModel.AUTO);
        vm.l2().textProperty().set("-1");
        assertThat(vm.l2().error()).isEqualTo("l2 must be a finite number >= 0 (got -1)");
    }

    @Test
    void theSummaryOfCifarCnnOn32x32x3DataAddsUpToTheNetwork() {
        LayerEditorViewModel vm = editor("cifar-cnn");
        assertThat(vm.summaryNoteProperty().get()).isEqualTo("Choose a dataset to see shapes.");
        assertThat(vm.summary()).isEmpty();
        vm.shapeProperty().set(NetworkShape.image(3, 32, 32, 10));
        assertThat(vm.summary()).hasSize(LayerStack.preset("cifar-cnn").orElseThrow().summary(NetworkShape.image(3, 32, 32, 10)).size());
        assertThat(vm.summary().get(0)).extracting(LayerRow::outputShape, LayerRow::params).containsExactly("32×32×32", 896L);
        assertThat(vm.summary().stream().mapToLong(LayerRow::params).sum()).isEqualTo(452_682L);
        assertThat(vm.totalProperty().get()).isEqualTo("Total params: 452,682");
        assertThat(vm.summaryNoteIsErrorProperty().get()).isFalse();

        vm.shapeProperty().set(NetworkShape.tabular(4, 3)); // iris
        assertThat(vm.summary()).isEmpty();
        assertThat(vm.summaryNoteProperty().get()).isEqualTo(LayerStack.preset("cifar-cnn").orElseThrow()
                .mismatch(NetworkShape.tabular(4, 3)).orElseThrow());
        assertThat(vm.summaryNoteIsErrorProperty().get()).isTrue();
    }

    @Test
    void dataThatCannotBeNamedAsksForADataset() {
        LayerEditorViewModel vm = editor("mlp:8");
        vm.noData("unknown dataset 'irs'");
        assertThat(vm.summaryNoteProperty().get()).isEqualTo("Choose a dataset to see shapes (unknown dataset 'irs')");
    }
}
