package org.mtrl.core.config;

import org.mtrl.api.plugin.ComponentContext;
import org.mtrl.api.plugin.ComponentFactory;
import org.mtrl.api.plugin.ComponentKind;
import org.mtrl.core.plugin.RegisteredFactory;

/**
 * One resolved component slot: the factory its {@code type} names and its bound parameters.
 *
 * @param path       the slot's key path, e.g. {@code tasks} or {@code probes.subspace-distance}
 * @param factory    the factory, with its origin
 * @param parameters the bound, validated parameters record
 */
public record ComponentConfig<C>(String path, RegisteredFactory<C> factory, Record parameters) {

    public ComponentKind<C> kind() {
        return factory.kind();
    }

    public String type() {
        return factory.type();
    }

    /**
     * Creates the component. An {@link IllegalArgumentException} from the factory (an invalid
     * combination of parameters), or sizes too large to allocate, become a {@link ConfigException}
     * naming this slot.
     */
    public C create(ComponentContext context) {
        try {
            return createUnchecked(factory.factory(), parameters, context);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path, e.getMessage());
        } catch (ArithmeticException | NegativeArraySizeException | OutOfMemoryError e) {
            throw ConfigException.tooLarge(path, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record, C> C createUnchecked(ComponentFactory<P, C> factory, Record parameters,
                                                          ComponentContext context) {
        return factory.create((P) parameters, context);
    }
}
