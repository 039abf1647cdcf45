package lrwb.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The class names of an idx: folder. IDX label files hold numbers only, so the names come from knowing the set:
 * a folder recognised as Fashion-MNIST by its name (Debian's {@code /usr/share/datasets/fashion-mnist}, Keras'
 * {@code ~/.keras/datasets/fashion-mnist}, {@code fashion_mnist}, torchvision's {@code FashionMNIST/raw}) with ten
 * classes gets Zalando's names; any other folder (MNIST among them) its label numbers {@code 0, 1, ...}.
 */
final class IdxClassNames {
    /** Zalando's names for labels 0 to 9 (github.com/zalandoresearch/fashion-mnist, "Labels"). */
    static final List<String> FASHION_MNIST = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
            "Sneaker", "Bag", "Ankle boot");

    private IdxClassNames() {
    }

    static List<String> of(Path dir, int numClasses) {
        if (numClasses == FASHION_MNIST.size() && isFashionMnist(dir)) {
            return FASHION_MNIST;
        }
        List<String> names = new ArrayList<>(numClasses);
        for (int c = 0; c < numClasses; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    /** The folder's name, or its parent's for torchvision's {@code raw} folder, reads "fashion mnist" in any spelling. */
    static boolean isFashionMnist(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        Path name = folder.getFileName();
        if (name != null && name.toString().equalsIgnoreCase("raw") && folder.getParent() != null) {
            name = folder.getParent().getFileName();
        }
        return name != null && name.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").equals("fashionmnist");
    }
}
