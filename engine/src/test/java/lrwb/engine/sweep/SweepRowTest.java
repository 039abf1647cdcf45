package lrwb.engine.sweep;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** summary.csv's header and rows: written and read back unchanged, commas and quotes included. */
class SweepRowTest {

    @Test
    void theHeaderIsSweepsMdsColumns() {
        assertThat(SweepRow.header()).isEqualTo("cell,lr,optimizer,schedule,model,batch,seed,epochs,dataset,status,"
                + "best_val_accuracy,final_val_accuracy,best_val_loss,final_val_loss,final_train_loss,epochs_done,seconds,run");
    }

    @Test
    void aRowReadsBackAsItWasWritten() {
        SweepRow row = new SweepRow(7, 0.0031622776601683794, "adam:beta1=0.9,beta2=0.999,eps=1e-8",
                "{\"type\":\"cosine\",\"lr\":0.0031622776601683794,\"decaySteps\":500}", "mlp:64,32", 32, -3, 20,
                "csv:/data/my \"best\", file.csv", "diverged", 0.9125, Double.NaN, 0.25, Double.NaN, 1e-7, 3, 12.5, "cells/0007");

        String line = row.toCsvLine();
        assertThat(line).startsWith("7,0.0031622776601683794,\"adam:beta1=0.9,beta2=0.999,eps=1e-8\","
                + "\"{\"\"type\"\":\"\"cosine\"\",\"\"lr\"\":0.0031622776601683794,\"\"decaySteps\"\":500}\",\"mlp:64,32\",32,-3,20,");
        assertThat(line).endsWith(",diverged,0.9125,NaN,0.25,NaN,1.0E-7,3,12.5,cells/0007");
        assertThat(SweepRow.parse(line)).isEqualTo(row);
    }

    @Test
    void aDamagedRowSaysWhat() {
        assertThatThrownBy(() -> SweepRow.parse("1,0.1,sgd")).hasMessage("summary row has 3 cells, not 18");
        assertThatThrownBy(() -> SweepRow.parse("x,0.1,sgd,{},mlp,32,1,2,moons,finished,1,1,1,1,1,2,1.0,cells/0001"))
                .hasMessage("summary row has a cell that is not a number: For input string: \"x\"");
        assertThatThrownBy(() -> SweepRow.parse("1,0.1,\"sgd")).hasMessage("summary row: a quoted cell has no closing quote");
    }
}
