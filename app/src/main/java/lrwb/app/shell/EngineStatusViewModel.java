package lrwb.app.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lrwb.app.stream.FxTaskExecutor;
import lrwb.engine.startup.EngineStartup.EngineInfo;

import java.util.concurrent.CompletionStage;

/** The status line's state: whether the DL4J engine has started, and what it is. */
public final class EngineStatusViewModel {
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Engine: starting ND4J…");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);

    public EngineStatusViewModel(CompletionStage<EngineInfo> startup) {
        FxTaskExecutor.onFxThread(startup).whenComplete((info, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                status.set("Engine failed to start: " + cause.getMessage());
            } else {
                status.set("Engine: " + info.describe());
                ready.set(true);
            }
        });
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }
}
