package io.aicosttracker.core.pricing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A genai-prices match-logic clause, tested against an already lower-cased, trimmed string.
 *
 * <p>Case: upstream lower-cases and trims the model id before matching (JS {@code api.ts}
 * {@code modelId.toLowerCase().trim()}, Python {@code DataSnapshot.find_provider_model}
 * {@code model_ref.lower()}) and the provider id likewise ({@code findProviderById} /
 * {@code find_provider_by_id}: {@code provider_id.lower().strip()}), but compares the clause values
 * case-sensitively. Catalog 0.1.8 has ~150 mixed-case literal values (e.g. together
 * {@code meta-llama/Meta-Llama-3-8B-Instruct-Lite}) that can therefore never match upstream. We
 * lower-case literal values at parse time so they do: on this data that changes no resolution
 * upstream already makes (checked), it only prices ids upstream leaves unpriced. Regexes are kept
 * verbatim and searched (not fully matched), like Python {@code re.search} and JS
 * {@code RegExp.test}. Unknown clause kinds never match, like upstream JS {@code matchLogic}.
 */
interface MatchRule {
  /** True when {@code text} (lower-cased, trimmed) satisfies this clause. */
  boolean matches(String text);

  /** A rule that never matches (unknown clause kind, for forward compatibility). */
  MatchRule NEVER = text -> false;

  static MatchRule equalsTo(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return text -> text.equals(v);
  }

  static MatchRule startsWith(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return text -> text.startsWith(v);
  }

  static MatchRule endsWith(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return text -> text.endsWith(v);
  }

  static MatchRule contains(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return text -> text.contains(v);
  }

  static MatchRule regex(Pattern pattern) {
    return text -> pattern.matcher(text).find();
  }

  static MatchRule or(List<MatchRule> rules) {
    MatchRule[] all = rules.toArray(new MatchRule[0]);
    return text -> {
      for (MatchRule r : all) {
        if (r.matches(text)) {
          return true;
        }
      }
      return false;
    };
  }

  static MatchRule and(List<MatchRule> rules) {
    MatchRule[] all = rules.toArray(new MatchRule[0]);
    return text -> {
      for (MatchRule r : all) {
        if (!r.matches(text)) {
          return false;
        }
      }
      return true;
    };
  }
}
