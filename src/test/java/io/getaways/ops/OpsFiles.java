package io.getaways.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules file and the dashboard under ops/, read the way Prometheus and Grafana read
 * them.
 */
final class OpsFiles {

	record Rule(String group, Map<String, Object> fields) {

		String name() {
			return (String) (isAlert() ? fields.get("alert") : fields.get("record"));
		}

		boolean isAlert() {
			return fields.containsKey("alert");
		}

		String expr() {
			return (String) fields.get("expr");
		}

		@SuppressWarnings("unchecked")
		Map<String, String> labels() {
			return (Map<String, String>) fields.getOrDefault("labels", Map.of());
		}

		@SuppressWarnings("unchecked")
		Map<String, String> annotations() {
			return (Map<String, String>) fields.getOrDefault("annotations", Map.of());
		}
	}

	record Target(String panel, JsonNode panelNode, String expr) {
	}

	private OpsFiles() {
	}

	@SuppressWarnings("unchecked")
	static List<Rule> rules() throws IOException {
		Map<String, Object> file;
		try (Reader reader = Files.newBufferedReader(PrometheusTools.RULES)) {
			file = new Yaml().load(reader);
		}
		List<Rule> rules = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				rules.add(new Rule((String) group.get("name"), rule));
			}
		}
		return rules;
	}

	static JsonNode dashboard() throws IOException {
		return JsonMapper.builder().build().readTree(Files.readString(PrometheusTools.DASHBOARD));
	}

	static List<Target> dashboardTargets() throws IOException {
		List<Target> targets = new ArrayList<>();
		for (JsonNode panel : dashboard().get("panels")) {
			for (JsonNode target : panel.path("targets")) {
				targets.add(new Target(panel.get("title").asString(), panel, target.get("expr").asString()));
			}
		}
		return targets;
	}

}
