package org.adcs.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kustomization in k8s/ renders and validates offline; what each overlay promises is there. */
class ManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production", "overlays/demo", "overlays/bootstrap"})
    void rendersAndValidates(String kustomization) {
        List<ObjectNode> objects = KustomizeRenderer.render(Path.of(kustomization));
        List<String> violations = ManifestValidator.validate(objects);
        System.out.printf("%s: %d objects, %d violations%n", kustomization, objects.size(), violations.size());
        assertEquals(List.of(), violations, kustomization);
        for (ObjectNode o : objects) {
            if (!o.path("kind").asText().equals("Namespace")) {
                assertEquals("adcs", o.path("metadata").path("namespace").asText(), "namespace of " + o.path("metadata").path("name"));
            }
            assertEquals("adcs", o.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText());
        }
    }

    /** Passwords are referenced from Secrets, never written into a manifest (R-OPS-3). */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production", "overlays/demo", "overlays/bootstrap"})
    void secretsAreReferencedNotEmbedded(String kustomization) {
        for (ObjectNode o : KustomizeRenderer.render(Path.of(kustomization))) {
            assertFalse(o.path("kind").asText().equals("Secret"), "a Secret is embedded in " + kustomization);
            o.path("data").fieldNames().forEachRemaining(key -> assertFalse(key.contains("PASSWORD"), key + " in a ConfigMap"));
            for (JsonNode container : containers(o)) {
                for (JsonNode env : container.path("env")) {
                    if (env.path("name").asText().contains("PASSWORD")) {
                        assertTrue(env.path("valueFrom").has("secretKeyRef"), env.path("name").asText() + " is not from a Secret");
                    }
                }
            }
        }
    }

    @Test
    void productionSizesTheNodesAndUsesExternalServicesWithCredentialsFromSecrets() {
        List<ObjectNode> objects = KustomizeRenderer.render(Path.of("overlays/production"));
        JsonNode headEnd = containers(only(objects, "StatefulSet", "head-end")).get(0);
        assertEquals("2", headEnd.path("resources").path("requests").path("cpu").asText());
        assertEquals("6Gi", headEnd.path("resources").path("limits").path("memory").asText());
        assertTrue(envNames(headEnd).containsAll(List.of("ADCS_JOURNAL_PASSWORD", "ADCS_CASSANDRA_USERNAME", "ADCS_CASSANDRA_PASSWORD",
                "ADCS_HTTP_TLS_PASSWORD", "POD_NAME", "ADCS_CLUSTER_HOSTNAME")), "base env kept, overlay env added: " + envNames(headEnd));
        JsonNode config = only(objects, "ConfigMap", "head-end").path("data");
        assertEquals("external", config.path("ADCS_CASSANDRA_MODE").asText());
        assertTrue(config.path("ADCS_JOURNAL_URL").asText().startsWith("jdbc:postgresql://"));
        assertEquals("0.0.0.0", config.path("ADCS_METER_PORT_INTERFACE").asText(), "base settings kept under the overlay's");
        assertEquals("LoadBalancer", only(objects, "Service", "head-end-meters").path("spec").path("type").asText());
        JsonNode annotations = only(objects, "StatefulSet", "head-end").path("spec").path("template").path("metadata").path("annotations");
        assertEquals("true", annotations.path("prometheus.io/scrape").asText());
        assertEquals("/metrics", annotations.path("prometheus.io/path").asText());
    }

    @Test
    void demoRunsTheSimulatorAgainstTheMeterService() {
        List<ObjectNode> objects = KustomizeRenderer.render(Path.of("overlays/demo"));
        JsonNode simulator = containers(only(objects, "Job", "simulator")).get(0);
        List<String> args = StreamSupport.stream(simulator.path("args").spliterator(), false).map(JsonNode::asText).toList();
        assertEquals("run", args.get(0));
        assertTrue(args.contains("--head-end=head-end-meters.adcs.svc.cluster.local:4059"), args.toString());
        assertEquals(4059, only(objects, "Service", "head-end-meters").path("spec").path("ports").get(0).path("port").asInt());
        assertTrue(envNames(containers(only(objects, "StatefulSet", "head-end")).get(0)).contains("ADCS_METERS_SHARED_LLS_PASSWORD"));
    }

    /** Cluster bootstrap through the Kubernetes API: pods read by their own account, probed on the management port. */
    @Test
    void bootstrapFindsThePodsThroughTheKubernetesApiInsteadOfSeedNodes() {
        List<ObjectNode> objects = KustomizeRenderer.render(Path.of("overlays/bootstrap"));
        JsonNode config = only(objects, "ConfigMap", "head-end").path("data");
        assertEquals("true", config.path("ADCS_CLUSTER_BOOTSTRAP_ENABLED").asText());
        assertEquals("[]", config.path("ADCS_CLUSTER_SEED_NODES").asText(), "bootstrap refuses seed nodes");
        assertEquals("kubernetes-api", config.path("ADCS_CLUSTER_BOOTSTRAP_DISCOVERY_METHOD").asText());
        ObjectNode statefulSet = only(objects, "StatefulSet", "head-end");
        JsonNode pod = statefulSet.path("spec").path("template");
        String selector = config.path("ADCS_CLUSTER_BOOTSTRAP_POD_LABEL_SELECTOR").asText();
        String[] label = selector.split("=", 2);
        assertEquals(label[1], pod.path("metadata").path("labels").path(label[0]).asText(), "the selector finds the pods: " + selector);

        JsonNode headEnd = containers(statefulSet).get(0);
        JsonNode management = StreamSupport.stream(headEnd.path("ports").spliterator(), false)
                .filter(p -> p.path("name").asText().equals("management")).findFirst().orElseThrow();
        assertEquals(config.path("ADCS_CLUSTER_BOOTSTRAP_MANAGEMENT_PORT").asInt(), management.path("containerPort").asInt());
        assertTrue(envNames(headEnd).containsAll(List.of("ADCS_JOURNAL_PASSWORD", "POD_IP", "ADCS_CLUSTER_HOSTNAME")), envNames(headEnd).toString());
        assertEquals("/ready", headEnd.path("readinessProbe").path("httpGet").path("path").asText(), "readiness unchanged");

        String account = pod.path("spec").path("serviceAccountName").asText();
        only(objects, "ServiceAccount", account);
        ObjectNode binding = only(objects, "RoleBinding", "head-end-pod-reader");
        assertEquals(account, binding.path("subjects").get(0).path("name").asText());
        assertEquals("adcs", binding.path("subjects").get(0).path("namespace").asText());
        JsonNode rule = only(objects, "Role", binding.path("roleRef").path("name").asText()).path("rules").get(0);
        assertEquals("[\"pods\"]", rule.path("resources").toString());
        assertEquals(List.of("get", "list", "watch"),
                StreamSupport.stream(rule.path("verbs").spliterator(), false).map(JsonNode::asText).sorted().toList());
    }

    static ObjectNode only(List<ObjectNode> objects, String kind, String name) {
        List<ObjectNode> found = objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name)).toList();
        assertEquals(1, found.size(), kind + "/" + name);
        return found.get(0);
    }

    private static JsonNode containers(JsonNode object) {
        return object.path("spec").path("template").path("spec").path("containers");
    }

    private static List<String> envNames(JsonNode container) {
        return StreamSupport.stream(container.path("env").spliterator(), false).map(e -> e.path("name").asText()).toList();
    }
}
