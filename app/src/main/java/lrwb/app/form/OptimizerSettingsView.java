package lrwb.app.form;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lrwb.app.form.OptimizerSettings.Setting;

import java.util.List;
import java.util.Map;

/**
 * The "Optimizer settings" expander under a form's optimizer field, collapsed until opened: a field per key the
 * chosen optimizer takes, two to a row, each prompting its default. Ids: {@code prefix-optimizer-settings} for the
 * expander, {@code prefix-opt-KEY} for a key's input and {@code prefix-opt-KEY-error} for its message.
 */
public final class OptimizerSettingsView {
    /** What each key means, for the fields' tooltips (torch.optim's names in brackets where they differ). */
    private static final Map<String, String> HINTS = Map.of(
            "momentum", "Momentum factor: 0 is plain SGD",
            "nesterov", "true: Nesterov momentum (the nesterov optimizer); false: classical momentum",
            "beta1", "Decay of the gradient's running average (torch betas[0])",
            "beta2", "Decay of the squared gradient's running average (torch betas[1])",
            "eps", "Added to the denominator for numerical stability",
            "rho", "Decay of the squared gradient's running average (RMSprop: torch alpha)",
            "initialAccumulator", "Start value of the sum of squared gradients (torch initial_accumulator_value; Keras 0.1)",
            "wd", "Weight decay (torch weight_decay): added to the gradient, or w -= lr·wd·w for adamw and sgdw");

    private final TitledPane pane = new TitledPane();
    private final VBox fields = new VBox(8);
    private final OptimizerSettings settings;
    private final String prefix;

    public OptimizerSettingsView(OptimizerSettings settings, String prefix) {
        this.settings = settings;
        this.prefix = prefix;
        pane.setText("Optimizer settings");
        pane.setId(prefix + "-optimizer-settings");
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.setContent(fields);
        pane.setMaxWidth(Double.MAX_VALUE);
        pane.getStyleClass().add("optimizer-settings");
        settings.settings().addListener((ListChangeListener<Setting>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        List<Setting> all = settings.settings();
        if (all.isEmpty()) {
            Label none = new Label("Name an optimizer above to see its settings.");
            none.getStyleClass().add("hint");
            none.setWrapText(true);
            fields.getChildren().setAll(none);
            return;
        }
        fields.getChildren().clear();
        for (int i = 0; i < all.size(); i += 2) {
            Region left = fieldOf(all.get(i));
            Region right = i + 1 < all.size() ? fieldOf(all.get(i + 1)) : new Region();
            fields.getChildren().add(FormLayout.pair(left, right));
        }
    }

    private Region fieldOf(Setting setting) {
        return FieldView.text(setting.field(), prefix + "-opt-" + setting.key(), HINTS.get(setting.key()))
                .withLabel(setting.key()).withPrompt(setting.prompt()).node();
    }

    public TitledPane node() {
        return pane;
    }
}
