package org.salescrm.platform.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.inject.Singleton;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * A broken rule names the field as the client wrote it: a property renamed for JSON
 * ({@code @JsonProperty("zh-CN") String zhCN}) reads {@code title.zh-CN}, not the Java name a client
 * never sent. Quarkus hands this bean to Hibernate Validator, so every violation path is built with it.
 */
@Singleton
public class JsonFieldNames implements PropertyNodeNameProvider {

    private final Map<String, String> names = new ConcurrentHashMap<>();

    @Override
    public String getName(Property property) {
        if (!(property instanceof JavaBeanProperty bean)) {
            return property.getName();
        }
        return names.computeIfAbsent(bean.getDeclaringClass().getName() + "#" + bean.getName(),
                key -> jsonName(bean.getDeclaringClass(), bean.getName()));
    }

    /** A record component's or field's {@code @JsonProperty} name, the Java name when it has none. */
    static String jsonName(Class<?> type, String name) {
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            try {
                Field field = at.getDeclaredField(name);
                JsonProperty json = field.getAnnotation(JsonProperty.class);
                return json == null || json.value().isEmpty() ? name : json.value();
            } catch (NoSuchFieldException e) {
                // Declared higher up, or a getter without a field of that name.
            }
        }
        return name;
    }
}
