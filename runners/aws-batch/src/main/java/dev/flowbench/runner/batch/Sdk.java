package dev.flowbench.runner.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/** Turns SDK request objects into JSON-like maps named as on the wire, for plans. */
final class Sdk {

    private Sdk() {}

    /** {@code pojo} as a map of its set fields (null ones left out), nested objects and lists converted. */
    static Map<String, Object> toMap(SdkPojo pojo) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            Object converted = convert(value);
            if (converted != null
                    && !(converted instanceof Collection<?> c && c.isEmpty())
                    && !(converted instanceof Map<?, ?> m && m.isEmpty())) {
                map.put(field.locationName(), converted);
            }
        }
        return map;
    }

    private static Object convert(Object value) {
        if (value instanceof SdkPojo pojo) {
            return toMap(pojo);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), convert(v)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(convert(item)));
            return copy;
        }
        if (value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
                || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>) {
            return null;
        }
        return value;
    }
}
