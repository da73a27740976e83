package org.distill4j.kernel.parameters;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Lists a parameter record's parameters for {@code distill4j list}, nested records flattened under their key. */
final class ParameterDescriber {

    private final BinderSettings settings;

    ParameterDescriber(BinderSettings settings) {
        this.settings = settings;
    }

    List<ParameterInfo> describe(Class<? extends Record> type) {
        List<ParameterInfo> infos = new ArrayList<>();
        describeInto(type, "", infos);
        return List.copyOf(infos);
    }

    private void describeInto(Class<? extends Record> type, String prefix, List<ParameterInfo> infos) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + KebabCase.ofCamelCase(component.getName());
            ParameterType parameterType = settings.typeOf(component);
            Parameter parameter = component.getAnnotation(Parameter.class);
            Range range = component.getAnnotation(Range.class);
            boolean path = parameter != null && parameter.path();
            infos.add(new ParameterInfo(key, TypeNames.name(parameterType, path),
                    parameter == null ? "" : parameter.description(),
                    defaultText(parameter == null ? Parameter.REQUIRED : parameter.defaultValue()),
                    range == null ? "" : RangeRule.text(range)));
            if (parameterType instanceof ParameterType.RecordType nested) {
                describeInto(nested.type(), key + ".", infos);
            } else if (parameterType instanceof ParameterType.ListType list
                    && list.element() instanceof ParameterType.RecordType element) {
                describeInto(element.type(), key + "[].", infos);
            }
        }
    }

    private static String defaultText(String defaultValue) {
        if (defaultValue.equals(Parameter.REQUIRED)) {
            return "required";
        }
        return defaultValue.equals(Parameter.ABSENT) ? "none" : defaultValue;
    }
}
