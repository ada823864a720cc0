package org.adcs.k8s;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.List;
import java.util.Map;

/**
 * The "required" lists of the Kubernetes OpenAPI (v1.29) for the types these manifests use, which
 * fabric8's generated classes do not carry; plus the container image, which the API requires of every
 * pod's containers. A field listed here that is absent or empty is a violation.
 */
final class RequiredFields {
    private static final Map<Class<?>, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(Container.class, List.of("name", "image")),
            Map.entry(ContainerPort.class, List.of("containerPort")),
            Map.entry(ServicePort.class, List.of("port")),
            Map.entry(PodSpec.class, List.of("containers")),
            Map.entry(StatefulSetSpec.class, List.of("selector", "template")),
            Map.entry(JobSpec.class, List.of("template")),
            Map.entry(EnvVar.class, List.of("name")),
            Map.entry(VolumeMount.class, List.of("name", "mountPath")),
            Map.entry(Volume.class, List.of("name")),
            Map.entry(SecretKeySelector.class, List.of("key")),
            Map.entry(ConfigMapKeySelector.class, List.of("key")),
            Map.entry(ObjectFieldSelector.class, List.of("fieldPath")),
            Map.entry(HTTPGetAction.class, List.of("port")),
            Map.entry(TCPSocketAction.class, List.of("port")),
            Map.entry(KeyToPath.class, List.of("key", "path")),
            Map.entry(LabelSelectorRequirement.class, List.of("key", "operator")));

    private RequiredFields() {}

    static List<String> of(Class<?> type) {
        return REQUIRED.getOrDefault(type, List.of());
    }
}
