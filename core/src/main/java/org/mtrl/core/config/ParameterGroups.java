package org.mtrl.core.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mtrl.api.plugin.ParamGroup;

/**
 * The parameters of a record with its {@link ParamGroup} components expanded: a group's parameters
 * sit at the record's own level of the configuration, so factories can share a set of parameters
 * without repeating their declarations.
 */
final class ParameterGroups {
    private ParameterGroups() {
    }

    static boolean isGroup(RecordComponent component) {
        return component.getAnnotation(ParamGroup.class) != null;
    }

    /** The record type of a group component, or an error naming the defect. */
    @SuppressWarnings("unchecked")
    static Class<? extends Record> groupType(RecordComponent component) {
        if (!component.getType().isRecord()) {
            throw new IllegalArgumentException("parameter group '" + component.getName() + "' of "
                    + component.getDeclaringRecord().getName() + " must be a record, not " + component.getType());
        }
        return (Class<? extends Record>) component.getType();
    }

    /**
     * Every parameter of {@code record}, groups expanded in declaration order.
     *
     * @throws IllegalArgumentException if two parameters share a name (a defect of the plugin)
     */
    static List<ParameterSpec> all(Class<? extends Record> record) {
        List<ParameterSpec> all = new ArrayList<>();
        collect(record, all);
        Set<String> names = new HashSet<>();
        for (ParameterSpec spec : all) {
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("parameter '" + spec.name() + "' of " + record.getName()
                        + " is declared twice (in the record and one of its groups)");
            }
        }
        return all;
    }

    private static void collect(Class<? extends Record> record, List<ParameterSpec> into) {
        List<ParameterSpec> own = ParameterSpec.of(record);
        int next = 0;
        for (RecordComponent component : record.getRecordComponents()) {
            if (isGroup(component)) {
                collect(groupType(component), into);
            } else {
                into.add(own.get(next++));
            }
        }
    }
}
