package io.getaways.operations.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The findings of one {@code doctor} run, printed as lines or as one JSON document. */
final class DoctorReport {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final List<DoctorFinding> findings = new ArrayList<>();

	void add(DoctorFinding finding) {
		findings.add(finding);
	}

	List<DoctorFinding> findings() {
		return List.copyOf(findings);
	}

	boolean failed() {
		return findings.stream().anyMatch(DoctorFinding::counts);
	}

	int exitCode() {
		return failed() ? 1 : 0;
	}

	String summary() {
		long failures = findings.stream().filter(DoctorFinding::counts).count();
		long skipped = findings.stream().filter(DoctorFinding::skipped).count();
		long warnings = findings.stream().filter(f -> f.status() == DoctorFinding.Status.WARN).count();
		if (failures == 0) {
			return warnings == 0 ? "doctor: all " + findings.size() + " checks OK"
					: "doctor: no failure, " + warnings + " warning(s)";
		}
		return "doctor: " + failures + " failure(s)"
				+ (skipped > 0 ? ", " + skipped + " check(s) skipped because of them" : "")
				+ (warnings > 0 ? ", " + warnings + " warning(s)" : "");
	}

	void print(PrintWriter out, boolean json) {
		if (json) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("status", failed() ? "FAIL" : "OK");
			document.put("summary", summary());
			document.put("checks", findings);
			out.println(JSON.writeValueAsString(document));
		}
		else {
			for (DoctorFinding finding : findings) {
				out.printf("%-4s %-15s %s%n", finding.status(), finding.check(), finding.detail());
			}
			out.println(summary());
		}
		out.flush();
	}

}
