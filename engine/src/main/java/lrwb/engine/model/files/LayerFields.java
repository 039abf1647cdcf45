package lrwb.engine.model.files;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Copies a DL4J layer configuration's fields into a layer configuration of another class, for the fields both
 * classes inherit: every setting the file gave a layer (initialisation, regularization, dropout, constraints, ...)
 * survives its conversion, including ones a builder would leave unset for the network's defaults to fill in.
 */
final class LayerFields {
    private LayerFields() {
    }

    /** Copies the fields declared in {@code common} and its superclasses; both objects must be {@code common}s. */
    static <T> void copy(T from, T to, Class<? super T> common) {
        for (Class<?> c = common; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    field.set(to, field.get(from));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy " + c.getSimpleName() + "." + field.getName(), e);
                }
            }
        }
    }
}
