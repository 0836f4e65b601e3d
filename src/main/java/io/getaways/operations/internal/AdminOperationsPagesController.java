package io.getaways.operations.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's operations page: every health component as {@code /actuator/health} shows
 * it to an admin (the stores with their response times and pools, the outbox's backlog
 * and age, the last good backup), and the newest backups with their verification.
 */
@Controller
@BrowserPage
@Hidden
class AdminOperationsPagesController {

	static final int BACKUPS_SHOWN = 10;

	private final HealthEndpoint health;

	private final ObjectProvider<BackupOperations> backups;

	AdminOperationsPagesController(HealthEndpoint health, ObjectProvider<BackupOperations> backups) {
		this.health = health;
		this.backups = backups;
	}

	/** One health component: its name, status and details as text. */
	record Component(String name, String status, Map<String, String> details) {
	}

	@GetMapping("/admin/operations")
	String operations(Model model) {
		HealthDescriptor overall = health.health();
		model.addAttribute("status", overall.getStatus().getCode());
		model.addAttribute("components", components(overall));
		BackupOperations operations = backups.getIfAvailable();
		model.addAttribute("backupsEnabled", operations != null);
		List<BackupSummary> all = operations == null ? List.of()
				: operations.list().stream().map(BackupSummary::of).toList();
		List<BackupSummary> newest = new ArrayList<>(all.subList(Math.max(0, all.size() - BACKUPS_SHOWN), all.size()));
		Collections.reverse(newest);
		model.addAttribute("backups", newest);
		model.addAttribute("backupCount", all.size());
		return "admin/operations/operations";
	}

	private static List<Component> components(HealthDescriptor overall) {
		if (!(overall instanceof CompositeHealthDescriptor composite)) {
			return List.of();
		}
		return composite.getComponents()
			.entrySet()
			.stream()
			.map(entry -> component(entry.getKey(), entry.getValue()))
			.toList();
	}

	private static Component component(String name, HealthDescriptor descriptor) {
		Map<String, String> details = new LinkedHashMap<>();
		if (descriptor instanceof IndicatedHealthDescriptor indicated && indicated.getDetails() != null) {
			indicated.getDetails().forEach((key, value) -> details.put(key, String.valueOf(value)));
		}
		else if (descriptor instanceof CompositeHealthDescriptor composite) {
			composite.getComponents().forEach((key, value) -> details.put(key, value.getStatus().getCode()));
		}
		return new Component(name, descriptor.getStatus().getCode(), details);
	}

}
