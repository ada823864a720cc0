package org.adcs.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.adcs.simulator.cli.SimulatorCli;
import org.junit.jupiter.api.Test;

/**
 * The demo's simulator Job starts the simulator's main class with arguments its command line accepts:
 * the Job's args, with $(VAR) expanded as Kubernetes does, run here for real, only dialling a local
 * port instead of the meter service and for one second instead of the Job's duration.
 */
class SimulatorJobTest {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    @Test
    void theJobsCommandLineRunsTheSimulator() throws Exception {
        JsonNode container = ManifestsTest.only(KustomizeRenderer.render(Path.of("overlays/demo")), "Job", "simulator")
                .path("spec").path("template").path("spec").path("containers").get(0);
        List<String> command = texts(container.path("command"));
        assertEquals(List.of("java", "-cp", "@/app/jib-classpath-file", SimulatorCli.class.getName()), command);

        Map<String, String> env = new HashMap<>();
        for (JsonNode e : container.path("env")) {
            // A Secret's value in the cluster; here the simulator's development password.
            env.put(e.path("name").asText(), e.has("value") ? e.get("value").asText() : "12345678");
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        List<String> args = new ArrayList<>();
        boolean dialsTheService = false;
        boolean runsForADuration = false;
        for (String arg : texts(container.path("args"))) {
            String expanded = expand(arg, env);
            if (expanded.startsWith("--head-end=")) {
                dialsTheService = expanded.equals("--head-end=head-end-meters.adcs.svc.cluster.local:4059");
                expanded = "--head-end=127.0.0.1:" + closedPort;
            } else if (expanded.startsWith("--duration=")) {
                runsForADuration = true;
                expanded = "--duration=1s";
            }
            args.add(expanded);
        }
        assertTrue(dialsTheService && runsForADuration, "the Job dials the meter service for a set time: " + args);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SimulatorCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        assertEquals(0, exit, "simulator " + args + "\n" + out + err);
        assertTrue(out.toString().startsWith("simulator run: 1000 meters, speed 60.0"), out.toString());
        assertTrue(out.toString().contains("final: "), out.toString());
    }

    private static String expand(String arg, Map<String, String> env) {
        Matcher m = VARIABLE.matcher(arg);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            assertTrue(value != null, arg + " refers to " + m.group(1) + ", which the container's env does not define");
            m.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        return m.appendTail(result).toString();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
