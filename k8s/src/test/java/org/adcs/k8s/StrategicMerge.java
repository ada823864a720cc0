package org.adcs.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A strategic-merge patch as kustomize applies one, for the Kubernetes fields this repository
 * patches: mappings merge, lists whose Kubernetes patch strategy is "merge" merge element by element
 * on their merge key (containers, env and volumes by name, volumeMounts by mountPath, container ports
 * by containerPort, service ports by port), every other list and scalar is replaced.
 */
final class StrategicMerge {
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "imagePullSecrets", "name");

    private StrategicMerge() {}

    static void apply(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = target.get(name);
            if (value.isObject() && current instanceof ObjectNode currentObject) {
                apply(currentObject, (ObjectNode) value);
            } else if (value.isArray() && current instanceof ArrayNode currentArray && mergeKey(name, (ArrayNode) value) != null) {
                mergeList(currentArray, (ArrayNode) value, mergeKey(name, (ArrayNode) value));
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static String mergeKey(String field, ArrayNode patch) {
        if (field.equals("ports")) {
            return patch.size() > 0 && patch.get(0).has("containerPort") ? "containerPort" : "port";
        }
        return MERGE_KEYS.get(field);
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String key) {
        for (JsonNode element : patch) {
            if (!element.isObject() || !element.has(key)) {
                throw new IllegalArgumentException("a patch list element lacks its merge key '" + key + "': " + element);
            }
            ObjectNode match = null;
            for (JsonNode existing : target) {
                if (existing.path(key).equals(element.get(key))) {
                    match = (ObjectNode) existing;
                }
            }
            if (match != null) {
                apply(match, (ObjectNode) element);
            } else {
                target.add(element.deepCopy());
            }
        }
    }
}
