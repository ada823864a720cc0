package org.adcs.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks rendered manifests offline, as the API server and kubectl would: every object must be a
 * known kind whose fields all exist in the Kubernetes API types with the right JSON types (fabric8's
 * model classes, generated from the Kubernetes OpenAPI; a string where the API wants a number, or the
 * reverse, is refused as the API server refuses it), carry the fields the API requires, and hang
 * together: probes on ports their container exposes, selectors that match their pods' labels,
 * services that select pods with the target port, a Job that does not restart forever.
 */
final class ManifestValidator {
    /** The kinds this repository deploys, by apiVersion/kind. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class));

    private static final ObjectMapper MAPPER = strictMapper();

    private final List<String> violations = new ArrayList<>();

    private ManifestValidator() {}

    /** Every violation found in the objects, each naming its object and field; empty when all is well. */
    static List<String> validate(List<ObjectNode> objects) {
        ManifestValidator v = new ManifestValidator();
        List<HasMetadata> typed = new ArrayList<>();
        for (ObjectNode o : objects) {
            HasMetadata t = v.typed(o);
            if (t != null) {
                typed.add(t);
            }
        }
        boolean allTyped = typed.size() == objects.size();
        for (HasMetadata t : typed) {
            String where = t.getKind() + "/" + (t.getMetadata() == null ? "?" : t.getMetadata().getName());
            v.structure(where, t);
            if (allTyped) { // an object that does not read as its type would make its neighbours look inconsistent
                v.consistency(where, t, typed);
            }
        }
        return v.violations;
    }

    private HasMetadata typed(ObjectNode o) {
        String key = o.path("apiVersion").asText() + "/" + o.path("kind").asText();
        String where = o.path("kind").asText("?") + "/" + o.path("metadata").path("name").asText("?");
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            violations.add(where + ": unknown apiVersion/kind " + key);
            return null;
        }
        try {
            return MAPPER.treeToValue(o, type);
        } catch (JsonMappingException e) {
            violations.add(where + ": " + jsonPath(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            violations.add(where + ": " + firstLine(e.getMessage()));
        }
        return null;
    }

    // ---- fields: unknown, required, well-formed quantities ----

    private void structure(String where, HasMetadata object) {
        if (object.getMetadata() == null || blank(object.getMetadata().getName())) {
            violations.add(where + ": metadata.name is required");
        }
        walk(where, "", object);
    }

    private void walk(String where, String path, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                walk(where, path + "[" + i++ + "]", element);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(where, path + "." + k, v));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        if (value instanceof Quantity q) {
            quantity(where, path, q);
            return;
        }
        for (String field : RequiredFields.of(value.getClass())) {
            if (isMissing(property(value, field))) {
                violations.add(where + ": " + child(path, field) + " is required");
            }
        }
        for (Class<?> c = value.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                if (f.getName().equals("additionalProperties")) {
                    Map<?, ?> unknown = (Map<?, ?>) read(f, value);
                    if (unknown != null) {
                        unknown.keySet().forEach(k -> violations.add(where + ": " + child(path, String.valueOf(k))
                                + " is not a field of " + value.getClass().getSimpleName()));
                    }
                    continue;
                }
                JsonProperty json = f.getAnnotation(JsonProperty.class);
                if (json != null) {
                    walk(where, child(path, json.value()), read(f, value));
                }
            }
        }
    }

    private void quantity(String where, String path, Quantity q) {
        try {
            q.getNumericalAmount();
        } catch (RuntimeException e) {
            violations.add(where + ": " + path + " is not a quantity: '" + q + "'");
        }
    }

    private static Object property(Object bean, String jsonName) {
        for (Class<?> c = bean.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                JsonProperty json = f.getAnnotation(JsonProperty.class);
                if (json != null && json.value().equals(jsonName)) {
                    return read(f, bean);
                }
            }
        }
        throw new IllegalStateException(bean.getClass() + " has no property " + jsonName);
    }

    private static Object read(Field f, Object bean) {
        try {
            f.setAccessible(true);
            return f.get(bean);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isMissing(Object value) {
        return value == null || value instanceof String s && s.isBlank() || value instanceof Collection<?> c && c.isEmpty();
    }

    // ---- how the objects hang together ----

    private void consistency(String where, HasMetadata object, List<HasMetadata> all) {
        if (object instanceof StatefulSet s && s.getSpec() != null) {
            workload(where, s.getSpec().getSelector(), s.getSpec().getTemplate());
            if (all.stream().noneMatch(o -> o instanceof Service svc && named(svc, s.getSpec().getServiceName()))) {
                violations.add(where + ": spec.serviceName '" + s.getSpec().getServiceName() + "' names no Service here");
            }
        } else if (object instanceof Deployment d && d.getSpec() != null) {
            workload(where, d.getSpec().getSelector(), d.getSpec().getTemplate());
        } else if (object instanceof Job j && j.getSpec() != null) {
            PodTemplateSpec template = j.getSpec().getTemplate();
            workload(where, j.getSpec().getSelector(), template);
            String restart = template == null || template.getSpec() == null ? null : template.getSpec().getRestartPolicy();
            if (!"Never".equals(restart) && !"OnFailure".equals(restart)) {
                violations.add(where + ": a Job's spec.template.spec.restartPolicy must be Never or OnFailure, was " + restart);
            }
        } else if (object instanceof Service svc && svc.getSpec() != null && svc.getSpec().getSelector() != null) {
            service(where, svc, all);
        } else if (object instanceof PodDisruptionBudget pdb && pdb.getSpec() != null) {
            if (templates(all).stream().noneMatch(t -> matches(pdb.getSpec().getSelector(), t))) {
                violations.add(where + ": spec.selector matches no pod template here");
            }
        }
    }

    private void workload(String where, LabelSelector selector, PodTemplateSpec template) {
        if (template == null || template.getSpec() == null) {
            return;
        }
        if (selector != null && !matches(selector, template)) {
            violations.add(where + ": spec.selector " + selector.getMatchLabels()
                    + " does not match spec.template.metadata.labels " + labels(template));
        }
        for (Container c : template.getSpec().getContainers()) {
            probe(where, c, "livenessProbe", c.getLivenessProbe());
            probe(where, c, "readinessProbe", c.getReadinessProbe());
            probe(where, c, "startupProbe", c.getStartupProbe());
        }
    }

    private void probe(String where, Container c, String name, Probe probe) {
        if (probe == null) {
            return;
        }
        IntOrString port = probe.getHttpGet() != null ? probe.getHttpGet().getPort()
                : probe.getTcpSocket() != null ? probe.getTcpSocket().getPort() : null;
        if (port != null && !exposes(c, port)) {
            violations.add(where + ": container " + c.getName() + " " + name + " uses port " + port.getValue()
                    + ", which the container does not expose");
        }
    }

    private void service(String where, Service svc, List<HasMetadata> all) {
        Map<String, String> selector = svc.getSpec().getSelector();
        List<PodTemplateSpec> selected = templates(all).stream().filter(t -> labels(t).entrySet().containsAll(selector.entrySet())).toList();
        if (selected.isEmpty()) {
            violations.add(where + ": spec.selector " + selector + " matches no pod template here");
            return;
        }
        for (var port : svc.getSpec().getPorts()) {
            IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
            boolean served = selected.stream().anyMatch(t -> t.getSpec().getContainers().stream().anyMatch(c -> exposes(c, target)));
            if (!served) {
                violations.add(where + ": port " + port.getName() + " targets " + target.getValue() + ", which no selected container exposes");
            }
        }
    }

    private static boolean exposes(Container c, IntOrString port) {
        for (ContainerPort p : c.getPorts()) {
            if (port.getStrVal() != null ? port.getStrVal().equals(p.getName()) : Objects.equals(port.getIntVal(), p.getContainerPort())) {
                return true;
            }
        }
        return false;
    }

    private static List<PodTemplateSpec> templates(List<HasMetadata> all) {
        List<PodTemplateSpec> templates = new ArrayList<>();
        for (HasMetadata o : all) {
            PodTemplateSpec t = null;
            if (o instanceof StatefulSet s && s.getSpec() != null) {
                t = s.getSpec().getTemplate();
            } else if (o instanceof Deployment d && d.getSpec() != null) {
                t = d.getSpec().getTemplate();
            } else if (o instanceof Job j && j.getSpec() != null) {
                t = j.getSpec().getTemplate();
            }
            if (t != null && t.getSpec() != null) {
                templates.add(t);
            }
        }
        return templates;
    }

    private static boolean matches(LabelSelector selector, PodTemplateSpec template) {
        if (selector == null || selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            return false; // matchExpressions are not used here; refuse rather than guess
        }
        Map<String, String> want = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return !want.isEmpty() && labels(template).entrySet().containsAll(want.entrySet());
    }

    private static Map<String, String> labels(PodTemplateSpec template) {
        return template.getMetadata() == null || template.getMetadata().getLabels() == null ? Map.of() : template.getMetadata().getLabels();
    }

    private static boolean named(HasMetadata o, String name) {
        return o.getMetadata() != null && Objects.equals(o.getMetadata().getName(), name);
    }

    private static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }

    /** Like the API server: no silent coercion between strings, numbers and booleans. */
    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        for (LogicalType t : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}
