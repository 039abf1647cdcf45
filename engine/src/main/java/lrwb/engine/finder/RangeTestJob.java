package lrwb.engine.finder;

import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.data.ShuffledBatches;
import lrwb.engine.model.Network;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.SteerableSchedule;

import java.util.function.BooleanSupplier;

/**
 * A range test from a request: loads the data, builds the network with the request's seed and sweeps it.
 * Runs on the calling thread (the CLI's main thread, or a background thread of the app).
 */
public final class RangeTestJob {
    /** Why {@code --loss val} is refused on data without a validation split. */
    public static final String NO_VALIDATION =
            "lossSource val needs a validation split, and the data has none: give the data one (a validation split above 0) or record the train loss";

    private final RangeTestRequest request;
    private final LoadedData data;
    private final Network net;
    private final SteerableSchedule lr;
    private final ShuffledBatches batches;

    private RangeTestJob(RangeTestRequest request, LoadedData data, Network net, SteerableSchedule lr,
                         EngineContext context) {
        this.request = request;
        this.data = data;
        this.net = net;
        this.lr = lr;
        // One for every run: its batch buffers are megabytes on a large set, allocated once, not per run.
        this.batches = ShuffledBatches.forTraining(data, request.data(), request.batchSize(), request.config().seed(), context);
    }

    /**
     * Loads the data and builds the network: everything that can be refused is refused here, before a
     * single file is written.
     *
     * @param context the pools and tuning the test runs with (it stays the caller's)
     * @throws IllegalArgumentException (or {@link lrwb.engine.data.DataException}) with a user-facing message:
     *                                  cnn on tabular data, bad data, a val loss without validation data
     */
    public static RangeTestJob prepare(RangeTestRequest request, EngineContext context) {
        LoadedData data = Datasets.load(request.data());
        data.checkBatchSize(request.batchSize());
        return prepare(request, data, context);
    }

    /** {@link #prepare(RangeTestRequest, EngineContext)} on data the caller has loaded (and checked) already. */
    public static RangeTestJob prepare(RangeTestRequest request, LoadedData data, EngineContext context) {
        if (request.config().lossSource() == LossSource.VAL && data.validationSize() == 0) {
            throw new IllegalArgumentException(NO_VALIDATION);
        }
        NetworkShape shape = NetworkShape.of(data);
        request.model().mismatch(shape, data.name()).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        SteerableSchedule lr = SteerableSchedule.constant(request.config().startLr());
        Network net = Networks.network(request.model(), request.optimizer(), lr, shape, request.config().seed(),
                context.tuning());
        return new RangeTestJob(request, data, net, lr, context);
    }

    public RangeTestRequest request() {
        return request;
    }

    public LoadedData data() {
        return data;
    }

    /** Batches per pass over the training data. */
    public int stepsPerEpoch() {
        return (data.trainSize() + request.batchSize() - 1) / request.batchSize();
    }

    /** The network the test runs on; after {@link #run} it is exactly as it was built. */
    public Network network() {
        return net;
    }

    /** Runs the test; one run at a time per job (they share the network and the batch buffers). */
    public RangeTestResult run(RangeTestListener listener, BooleanSupplier cancelled) {
        StepLoss loss = request.config().lossSource() == LossSource.VAL
                ? new ValidationLoss(data.validation(), request.batchSize()) : StepLoss.TRAIN;
        return new RangeTest(request.config()).run(net, lr, batches.stream(0, request.config().iterations()), loss, listener,
                cancelled);
    }

}
