import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a JFR CPU profile's samples went, by Java package: reads {@code jfr print --events jdk.ExecutionSample
 * --stack-depth 64 FILE} on stdin and prints the packages with the most samples on top of the stack (self) and in the
 * stack anywhere (inclusive, each package counted once per sample), and the hottest methods. Stacks deeper than the
 * printed depth count only their top frames toward the inclusive figures.
 *
 * <pre>
 * jfr print --events jdk.ExecutionSample --stack-depth 64 app.jfr | java -cp bench/work/classes JfrTop [--top 25]
 * </pre>
 */
public class JfrTop {

	public static void main(String[] args) throws Exception {
		int top = args.length == 2 && args[0].equals("--top") ? Integer.parseInt(args[1]) : 25;
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> inclusive = new HashMap<>();
		Map<String, Integer> methods = new HashMap<>();
		Set<String> inStack = new HashSet<>();
		boolean inTrace = false;
		boolean first = false;
		int samples = 0;
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line; (line = in.readLine()) != null;) {
			String trimmed = line.trim();
			if (trimmed.startsWith("stackTrace = [")) {
				inTrace = true;
				first = true;
				inStack.clear();
				samples++;
			}
			else if (inTrace && trimmed.equals("]")) {
				inTrace = false;
				inStack.forEach(p -> inclusive.merge(p, 1, Integer::sum));
			}
			else if (inTrace && trimmed.contains("(")) {
				String method = trimmed.substring(0, trimmed.indexOf('('));
				String type = method.substring(0, Math.max(0, method.lastIndexOf('.')));
				String pkg = type.lastIndexOf('.') < 0 ? "(default)" : type.substring(0, type.lastIndexOf('.'));
				if (first) {
					self.merge(pkg, 1, Integer::sum);
					methods.merge(method, 1, Integer::sum);
					first = false;
				}
				inStack.add(pkg);
			}
		}
		System.out.printf(Locale.ROOT, "%d execution samples%n", samples);
		print("self samples by package (top frame)", self, samples, top);
		print("inclusive samples by package (anywhere in the stack)", inclusive, samples, top);
		print("hottest methods (top frame)", methods, samples, top);
	}

	private static void print(String title, Map<String, Integer> counts, int samples, int top) {
		System.out.println();
		System.out.println(title + ":");
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(top)
			.forEach(e -> System.out.printf(Locale.ROOT, "  %6.2f%%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
					e.getValue(), e.getKey()));
	}
}
