package lrwb.app.form;

import lrwb.engine.data.DataOptions;

/**
 * What a run was set up with, as a form shows it: data (source, split, seed), the network's text, the optimizer's
 * text and the batch size. Handed from one workspace's form to another's (a range test's setup goes to Training
 * with its schedule), so a schedule found for iris with Adam is trained on iris with Adam.
 */
public record SetupHandOver(DataOptions data, String model, String optimizer, int batchSize) {

    /** Puts these values into the form's fields, where they stay visible and editable. */
    public void fillInto(RunSetupForm form) {
        form.fill(data, model, optimizer, batchSize);
    }

    /** "iris · mlp:64,32 · adam · batch 16 · seed 42". */
    public String describe() {
        return data.source() + " · " + model + " · " + optimizer + " · batch " + batchSize + " · seed " + data.seed();
    }
}
