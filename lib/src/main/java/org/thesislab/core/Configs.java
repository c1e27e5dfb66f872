package org.thesislab.core;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A chapter's configuration record as named values: every component by its name, nested records flattened with
 * dots ({@code training.learning_rate}), names in lower_snake_case. {@link Run#config} writes them into
 * summary.json; {@link #table} shows them in a notebook.
 */
public final class Configs {
    private Configs() {}

    /** Component name -> value (a number, boolean, string or list of them), in declaration order. */
    public static Map<String, Object> flatten(Record config) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", config, out);
        return out;
    }

    /** The configuration as a two-column table (name, value). */
    public static Table table(String title, Record config) {
        StringColumn names = StringColumn.create("setting");
        StringColumn values = StringColumn.create("value");
        flatten(config).forEach((k, v) -> {
            names.append(k);
            values.append(String.valueOf(v));
        });
        return Table.create(title, names, values);
    }

    private static void flatten(String prefix, Record r, Map<String, Object> out) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v;
            try {
                c.getAccessor().setAccessible(true);
                v = c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
            String key = prefix + snake(c.getName());
            if (v instanceof Record nested) {
                flatten(key + ".", nested, out);
            } else {
                out.put(key, plain(v));
            }
        }
    }

    private static Object plain(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v instanceof Float f ? Double.valueOf(f.toString()) : v;
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase();
        }
        if (v instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>();
            items.forEach(i -> list.add(i instanceof Record rec ? flatten(rec) : plain(i)));
            return list;
        }
        if (v.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                list.add(plain(Array.get(v, i)));
            }
            return list;
        }
        return v.toString();
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
