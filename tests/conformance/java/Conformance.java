import dev.errcat.codes.ErrcatCatalog;
import dev.errcat.codes.ErrcatCode;
import dev.errcat.codes.ErrcatException;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Checks the generated Java code against a generated {@code catalog.json}, read at run time.
 *
 * <p>Every entry of every namespace is looked up through the generated {@code ErrcatCatalog} and
 * checked: code, name, namespace, message in every locale (with the text that stands in),
 * HTTP status, retryable flag, documentation URL, {@code toString()}, {@link ErrcatException} (with
 * its JSON shape, {@code toJson()}), and the typed formatter of entries with placeholders; a code the
 * namespace lacks must be rejected.
 *
 * <p>The locale that each tag of {@code tests/conformance/locale-choice.json} chooses (the table of
 * the catalog's locales, which every language's harness checks alike) is checked through
 * {@code getMessage} of every entry, and through the index behind it.
 *
 * <pre>
 * javac -d OUT $(find GEN/java/src/main/java -name '*.java') tests/conformance/java/Conformance.java
 * java -cp OUT Conformance GEN/json/catalog.json tests/conformance/locale-choice.json
 * </pre>
 *
 * <p>It imports the seed catalog's package; for a catalog with another {@code package} option,
 * {@code cargo xtask conformance} compiles a copy that imports that package instead.
 *
 * <p>Prints every failed assertion as {@code FAIL namespace/code field: expected X, got Y}, then
 * {@code conformance: N passed, M failed}; exits with status 1 if any failed.
 */
public final class Conformance {

    private int passed;

    private int failed;

    /** The pairs of locale-choice.json for the catalog's locales: the asked tag, the chosen locale or null. */
    private List<Object> chosen = List.of();

    /** The catalog's fallbacks: per locale, the locales whose text stands in for a missing one. */
    private Map<String, Object> fallbacks = Map.of();

    private Conformance() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java Conformance path/to/catalog.json path/to/locale-choice.json");
            System.exit(2);
        }
        Conformance c = new Conformance();
        try {
            String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
            String choice = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
            c.run(object(new Json(text).parseDocument()), object(new Json(choice).parseDocument()));
        } catch (IOException | RuntimeException e) {
            c.check(args[0], "run", "no exception", e.toString());
        }
        System.out.println("conformance: " + c.passed + " passed, " + c.failed + " failed");
        System.exit(c.failed > 0 ? 1 : 0);
    }

    private void check(String where, String field, Object expected, Object actual) {
        if (Objects.equals(expected, actual)) {
            passed++;
        } else {
            failed++;
            System.out.println("FAIL " + where + " " + field + ": expected " + show(expected) + ", got " + show(actual));
        }
    }

    private void run(Map<String, Object> catalog, Map<String, Object> choice) {
        String defaultLocale = (String) catalog.get("default_locale");
        fallbacks = object(catalog.get("fallbacks"));
        List<String> locales = new ArrayList<>();
        for (Object l : array(catalog.get("locales"))) {
            locales.add((String) l);
        }
        List<String> namespaceIds = new ArrayList<>();
        for (Object n : array(catalog.get("namespaces"))) {
            namespaceIds.add((String) object(n).get("id"));
        }
        check("catalog", "id", catalog.get("catalog"), ErrcatCatalog.getId());
        check("catalog", "version", Optional.ofNullable(catalog.get("version")), ErrcatCatalog.getVersion());
        check("catalog", "locales", locales, ErrcatCatalog.getLocales());
        check("catalog", "default_locale", defaultLocale, ErrcatCatalog.getDefaultLocale());
        check("catalog", "namespaces", namespaceIds, ErrcatCatalog.getNamespaces());
        check("catalog", "unknown namespace", Optional.empty(), ErrcatCatalog.lookup("no.such.namespace", 0));
        check("catalog", "unknown namespace codes", List.of(), ErrcatCatalog.getCodes("no.such.namespace"));
        checkLocaleChoice(choice, locales, defaultLocale);

        for (Object n : array(catalog.get("namespaces"))) {
            Map<String, Object> ns = object(n);
            String id = (String) ns.get("id");
            List<Object> entries = array(ns.get("entries"));
            TreeSet<Long> codes = new TreeSet<>();
            for (Object e : entries) {
                Map<String, Object> entry = object(e);
                long code = (Long) entry.get("code");
                codes.add(code);
                try {
                    checkEntry(id, (int) code, entry, locales, defaultLocale);
                } catch (RuntimeException ex) {
                    check(id + "/" + code, "no exception", null, ex.toString());
                }
            }
            check(id, "code count", entries.size(), ErrcatCatalog.getCodes(id).size());
            long absent = absentCode(codes);
            check(id + "/" + absent, "absent code", Optional.empty(), ErrcatCatalog.lookup(id, (int) absent));
            check(id + "/" + absent, "absent code (long)", Optional.empty(), ErrcatCatalog.lookup(id, absent));
        }
        checkJsonEscapes(catalog);
    }

    /**
     * Checks {@code toJson()} of exceptions with messages of their own against hand-written JSON, on
     * the first code of the catalog: every escape {@code JSON.stringify} writes, and what it leaves.
     */
    private void checkJsonEscapes(Map<String, Object> catalog) {
        for (Object n : array(catalog.get("namespaces"))) {
            String id = (String) object(n).get("id");
            for (Object e : array(object(n).get("entries"))) {
                Map<String, Object> entry = object(e);
                long code = (Long) entry.get("code");
                Optional<ErrcatCode> found = ErrcatCatalog.lookup(id, code);
                if (found.isEmpty()) {
                    continue;
                }
                String where = id + "/" + code;
                String head = "{\"namespace\":" + jsonString(id) + ",\"code\":" + code + ",\"name\":"
                    + jsonString((String) entry.get("name")) + ",\"message\":";
                // A quote, a backslash, a newline, U+0001, a non-ASCII letter, a lone high surrogate.
                String own = "say \"hi\" C:\\dir\nnext\u0001 caf\u00e9 \ud800!";
                check(where, "exception toJson (own message)",
                    head + "\"say \\\"hi\\\" C:\\\\dir\\nnext\\u0001 caf\u00e9 \\ud800!\"}",
                    new ErrcatException(found.get(), own).toJson());
                // The other short escapes, U+001F, DEL, a pair (as it is), a lone low surrogate, a
                // high one before a high one, and a high one at the end.
                String rest = "\b\f\r\t\u001f\u007f\ud83d\ude00\udc00\ud800\ud800\udc00/\ud83d";
                check(where, "exception toJson (other escapes)",
                    head + "\"\\b\\f\\r\\t\\u001f\u007f\ud83d\ude00\\udc00\\ud800\ud800\udc00/\\ud83d\"}",
                    new ErrcatException(found.get(), rest).toJson());
                check(where, "exception toJson (empty message)", head + "\"\"}", new ErrcatException(found.get(), "").toJson());
                // A subclass may hide its message: the shape keeps a string, as JavaScript's has.
                ErrcatException hidden = new ErrcatException(found.get()) {
                    @Override
                    public String getMessage() {
                        return null;
                    }
                };
                check(where, "exception toJson (null message)", head + "\"\"}", hidden.toJson());
                return;
            }
        }
    }

    /**
     * A string as {@code JSON.stringify} writes it, for {@code toJson()}: {@code "}, {@code \} and
     * the control characters escaped (short where JSON has a short escape), a surrogate that is not
     * half of a pair as a backslash-u escape in lowercase hex, everything else as it is.
     */
    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            int brief = "\"\\\b\f\n\r\t".indexOf(ch);
            boolean paired = Character.isHighSurrogate(ch)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (brief >= 0) {
                out.append('\\').append("\"\\bfnrt".charAt(brief));
            } else if (ch < 0x20 || (Character.isSurrogate(ch) && !paired)) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.append('"').toString();
    }

    /**
     * Finds the table of locale-choice.json for the catalog's locales, for {@link #checkEntry}, and
     * checks the index that {@code getMessage} takes each tag's text at (package-private, so found
     * by reflection).
     */
    private void checkLocaleChoice(Map<String, Object> choice, List<String> locales, String defaultLocale) {
        for (Object table : array(choice.get("catalogs"))) {
            if (array(object(table).get("locales")).equals(locales)) {
                chosen = array(object(table).get("chosen"));
            }
        }
        check("catalog", "a table of locale-choice.json for " + locales, true, !chosen.isEmpty());
        Method index;
        try {
            index = ErrcatCatalog.class.getDeclaredMethod("localeIndex", String.class);
            index.setAccessible(true);
        } catch (NoSuchMethodException e) {
            check("catalog", "ErrcatCatalog.localeIndex(String)", "a method", "none");
            return;
        }
        for (Object p : chosen) {
            List<Object> pair = array(p);
            Object expected = pair.get(1) == null ? defaultLocale : pair.get(1);
            Object actual;
            try {
                actual = ErrcatCatalog.getLocales().get((Integer) index.invoke(null, pair.get(0)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                actual = e.toString();
            }
            check("catalog", "localeIndex(" + show(pair.get(0)) + ")", expected, actual);
        }
    }

    /** A code the namespace does not define: max + 1, else min - 1, else the highest gap. */
    private static long absentCode(TreeSet<Long> codes) {
        if (codes.isEmpty()) {
            return 0;
        }
        if (codes.last() < Integer.MAX_VALUE) {
            return codes.last() + 1;
        }
        if (codes.first() > Integer.MIN_VALUE) {
            return codes.first() - 1;
        }
        long absent = codes.last();
        while (codes.contains(absent)) {
            absent--;
        }
        return absent;
    }

    private void checkEntry(String ns, int code, Map<String, Object> entry, List<String> locales, String defaultLocale) {
        String where = ns + "/" + code;
        Optional<ErrcatCode> found = ErrcatCatalog.lookup(ns, code);
        check(where, "lookup", true, found.isPresent());
        if (found.isEmpty()) {
            return;
        }
        ErrcatCode c = found.get();
        check(where, "code", code, c.getCode());
        check(where, "name", entry.get("name"), c.getName());
        check(where, "namespace", ns, c.getNamespace());
        Map<String, Object> message = object(entry.get("message"));
        Object standIn = shown(message, defaultLocale, locales, defaultLocale);
        check(where, "message", standIn, c.getMessage());
        for (String locale : locales) {
            Object expected = shown(message, locale, locales, defaultLocale);
            check(where, "message[" + locale + "]", expected, c.getMessage(locale));
            check(where, "message[Locale " + locale + "]", expected, c.getMessage(Locale.forLanguageTag(locale)));
            // Tags match in any case, with `_` for `-`.
            String variant = locale.toUpperCase(Locale.ROOT).replace('-', '_');
            check(where, "message[" + variant + "]", expected, c.getMessage(variant));
            // The withdrawn code of its language (older Android reports `iw` for Hebrew)
            // finds the locale, as its language does.
            String language = locale.split("-", 2)[0];
            String withdrawn = Map.of("he", "iw", "id", "in", "yi", "ji").get(language);
            if (withdrawn != null) {
                String legacy = withdrawn + locale.substring(language.length());
                check(where, "message[" + legacy + "]", expected, c.getMessage(legacy));
            }
            // A Kelvin sign lowers to `k` in Unicode but is no ASCII letter: no locale.
            if (language.contains("k")) {
                String kelvin = locale.replace('k', '\u212A');
                check(where, "message[Kelvin " + locale + "]", standIn, c.getMessage(kelvin));
            }
        }
        // The locale each tag of locale-choice.json chooses (null: none, so the default
        // locale's text), as a tag and, where Java reads the tag whole, as a Locale.
        for (Object p : chosen) {
            List<Object> pair = array(p);
            String asked = (String) pair.get(0);
            Object want = pair.get(1) != null ? shown(message, (String) pair.get(1), locales, defaultLocale) : standIn;
            check(where, "message[" + show(asked) + "]", want, c.getMessage(asked));
            Locale whole = Locale.forLanguageTag(asked);
            if (whole.toLanguageTag().equalsIgnoreCase(asked)) {
                check(where, "message[Locale " + asked + "]", want, c.getMessage(whole));
            }
        }
        Object http = entry.get("http");
        check(where, "http", http == null ? OptionalInt.empty() : OptionalInt.of((int) (long) (Long) http), c.getHttpStatus());
        check(where, "retryable", entry.get("retryable"), c.isRetryable());
        check(where, "doc_url", Optional.ofNullable(entry.get("doc_url")), c.getDocUrl());
        Object deprecated = entry.get("deprecated");
        Optional<Object> reason = deprecated == null ? Optional.empty() : Optional.of(object(deprecated).get("reason"));
        check(where, "deprecated", reason, c.getDeprecation());
        check(where, "toString", ns + "/" + code + " " + entry.get("name"), c.toString());
        ErrcatException exception = new ErrcatException(c);
        check(where, "exception", c.getMessage() + " " + c, exception.getMessage() + " " + exception.getErrcatCode());
        check(where, "exception toString", ErrcatException.class.getName() + ": " + entry.get("name") + " (" + ns + "/" + code + "): " + c.getMessage(), exception.toString());
        // A message left out (null) is the code's, as in the other languages; "" is a message.
        String none = null;
        check(where, "exception (null message)", c.getMessage(), new ErrcatException(c, none).getMessage());
        check(where, "exception (null message, cause)", c.getMessage(), new ErrcatException(c, none, new IllegalStateException()).getMessage());
        check(where, "exception (empty message)", "", new ErrcatException(c, "").getMessage());
        // The JSON shape every language's error writes, built here from catalog.json's values.
        check(where, "exception toJson", "{\"namespace\":" + jsonString(ns) + ",\"code\":" + entry.get("code")
            + ",\"name\":" + jsonString((String) entry.get("name")) + ",\"message\":" + jsonString((String) standIn) + "}",
            exception.toJson());
        checkWideCode(where, c, code);
        List<Object> params = array(entry.get("params"));
        if (!params.isEmpty()) {
            checkFormatter(where, c, entry, params, locales, defaultLocale);
        }
    }

    /**
     * A code read as a {@code long}: found as the {@code int}, and a code beyond {@code int} is
     * none, where a cast would wrap it onto this code ({@code code + 2^32}).
     */
    private void checkWideCode(String where, ErrcatCode c, int code) {
        long wide = code + (1L << 32);
        check(where, "lookup(long)", Optional.of(c), ErrcatCatalog.lookup(c.getNamespace(), (long) code));
        check(where, "lookup(long beyond int)", Optional.empty(), ErrcatCatalog.lookup(c.getNamespace(), wide));
        Object found;
        Object beyond;
        try {
            Method fromCode = ((Enum<?>) c).getDeclaringClass().getMethod("fromCode", long.class);
            found = fromCode.invoke(null, (long) code);
            beyond = fromCode.invoke(null, wide);
        } catch (ReflectiveOperationException e) {
            found = e.toString();
            beyond = found;
        }
        check(where, "fromCode(long)", Optional.of(c), found);
        check(where, "fromCode(long beyond int)", Optional.empty(), beyond);
    }

    /**
     * The text a locale shows: its own, else the first of its fallbacks' that the message has,
     * else the default locale's: its own, its fallbacks', else (with {@code missing-translation}
     * lowered) the first the message has in catalog order.
     */
    private Object shown(Map<String, Object> message, String locale, List<String> locales, String defaultLocale) {
        List<Object> chain = new ArrayList<>();
        chain.add(locale);
        chain.addAll(array(fallbacks.get(locale)));
        chain.add(defaultLocale);
        chain.addAll(array(fallbacks.get(defaultLocale)));
        chain.addAll(locales);
        return chain.stream().filter(message::containsKey).findFirst().map(message::get).orElse(null);
    }

    /** Calls the entry's typed formatter with a distinct value per parameter, in every locale. */
    private void checkFormatter(String where, ErrcatCode c, Map<String, Object> entry, List<Object> params,
            List<String> locales, String defaultLocale) {
        String name = (String) entry.get("name");
        Method method = formatter(c.getClass(), name, params.size() + 1);
        if (method == null) {
            check(where, "formatter", "a static format method for " + name, "none");
            return;
        }
        String methodName = method.getName();
        Map<String, String> values = new LinkedHashMap<>();
        Object[] args = new Object[params.size() + 1];
        for (int i = 0; i < params.size(); i++) {
            String p = (String) params.get(i);
            values.put(p, "<" + i + ":" + p + ">");
            args[i + 1] = values.get(p);
        }
        Map<String, Object> message = object(entry.get("message"));
        for (String locale : locales) {
            String template = (String) shown(message, locale, locales, defaultLocale);
            args[0] = Locale.forLanguageTag(locale);
            Object actual;
            try {
                actual = method.invoke(null, args);
            } catch (IllegalAccessException | InvocationTargetException e) {
                actual = e.toString();
            }
            check(where, methodName + "[" + locale + "]", substitute(template, values), actual);
        }
        // A tag read by errcat's rules (ErrcatCatalog.locale), not Java's: the formatter
        // chooses the locale getMessage(String) chooses for each tag of locale-choice.json.
        for (Object p : chosen) {
            String asked = (String) array(p).get(0);
            args[0] = ErrcatCatalog.locale(asked);
            Object actual;
            try {
                actual = method.invoke(null, args);
            } catch (IllegalAccessException | InvocationTargetException e) {
                actual = e.toString();
            }
            check(where, methodName + "[locale(" + show(asked) + ")]", substitute(c.getMessage(asked), values), actual);
        }
        // A value left out (null) shows its placeholder as written, as in every language
        // (not "null"); the others are filled in. An empty string is a value.
        Map<String, String> withoutFirst = new LinkedHashMap<>(values);
        withoutFirst.remove((String) params.get(0));
        Map<String, String> empty = new LinkedHashMap<>();
        values.keySet().forEach(p -> empty.put(p, ""));
        for (String locale : locales) {
            String template = (String) shown(message, locale, locales, defaultLocale);
            Object[] nulls = args.clone();
            nulls[0] = Locale.forLanguageTag(locale);
            nulls[1] = null;
            Object[] empties = new Object[args.length];
            Arrays.fill(empties, "");
            empties[0] = nulls[0];
            Object actual;
            Object actualEmpty;
            try {
                actual = method.invoke(null, nulls);
                actualEmpty = method.invoke(null, empties);
            } catch (IllegalAccessException | InvocationTargetException e) {
                actual = e.toString();
                actualEmpty = actual;
            }
            check(where, methodName + "[" + locale + ", first value null]", substitute(template, withoutFirst), actual);
            check(where, methodName + "[" + locale + ", empty values]", substitute(template, empty), actualEmpty);
        }
    }

    /**
     * Finds the typed formatter of an entry: {@code formatRoomNotExist(Locale, String...)} for
     * {@code ROOM_NOT_EXIST}, matched ignoring case and underscores.
     */
    private static Method formatter(Class<?> type, String name, int arity) {
        String wanted = ("format" + name).replace("_", "");
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getName().replace("_", "").equalsIgnoreCase(wanted)
                    && m.getParameterCount() == arity && m.getReturnType() == String.class
                    && m.getParameterTypes()[0] == Locale.class
                    && Arrays.stream(m.getParameterTypes()).skip(1).allMatch(t -> t == String.class)) {
                return m;
            }
        }
        return null;
    }

    /**
     * Replaces {@code {name}} placeholders (a lower_snake name in single braces, not inside
     * {@code {{ }}}) with their values; every other brace is literal text.
     */
    private static String substitute(String s, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == '{' && (i == 0 || s.charAt(i - 1) != '{') && (i + 1 >= s.length() || s.charAt(i + 1) != '{')) {
                int j = i + 1;
                while (j < s.length() && isNameChar(s.charAt(j))) {
                    j++;
                }
                boolean closes = j < s.length() && s.charAt(j) == '}' && (j + 1 >= s.length() || s.charAt(j + 1) != '}');
                String name = s.substring(i + 1, j);
                if (closes && !name.isEmpty() && name.charAt(0) >= 'a' && name.charAt(0) <= 'z' && values.containsKey(name)) {
                    out.append(values.get(name));
                    i = j + 1;
                    continue;
                }
            }
            out.append(ch);
            i++;
        }
        return out.toString();
    }

    private static boolean isNameChar(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
    }

    private static String show(Object value) {
        if (value instanceof String) {
            StringBuilder out = new StringBuilder("\"");
            for (char ch : ((String) value).toCharArray()) {
                if (ch < 0x20 || ch == '"' || ch == '\\' || ch > 0x7e) {
                    out.append(String.format("\\u%04x", (int) ch));
                } else {
                    out.append(ch);
                }
            }
            return out.append('"').toString();
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(Object value) {
        return (List<Object>) value;
    }

    /** A minimal JSON reader: objects, arrays, strings, integers (as Long), other numbers (as Double), booleans, null. */
    private static final class Json {

        private final String s;

        private int i;

        Json(String s) {
            this.s = s;
        }

        Object parseDocument() {
            Object value = parseValue();
            skipSpace();
            if (i != s.length()) {
                throw error("trailing text");
            }
            return value;
        }

        private Object parseValue() {
            skipSpace();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char ch = s.charAt(i);
            switch (ch) {
                case '{':
                    return parseObject();
                case '[':
                    return parseArray();
                case '"':
                    return parseString();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return parseNumber();
            }
        }

        private Map<String, Object> parseObject() {
            Map<String, Object> map = new LinkedHashMap<>();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                i++;
                return map;
            }
            while (true) {
                skipSpace();
                String key = parseString();
                skipSpace();
                expect(':');
                map.put(key, parseValue());
                skipSpace();
                if (peek() == ',') {
                    i++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> parseArray() {
            List<Object> list = new ArrayList<>();
            expect('[');
            skipSpace();
            if (peek() == ']') {
                i++;
                return list;
            }
            while (true) {
                list.add(parseValue());
                skipSpace();
                if (peek() == ',') {
                    i++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        /** Reads a string; {@code \\uXXXX} escapes are UTF-16 units, so surrogate pairs join up by themselves. */
        private String parseString() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char ch = s.charAt(i++);
                if (ch == '"') {
                    return out.toString();
                }
                if (ch != '\\') {
                    if (ch < 0x20) {
                        throw error("raw control character in string");
                    }
                    out.append(ch);
                    continue;
                }
                if (i >= s.length()) {
                    throw error("unterminated escape");
                }
                char esc = s.charAt(i++);
                switch (esc) {
                    case '"': out.append('"'); break;
                    case '\\': out.append('\\'); break;
                    case '/': out.append('/'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    case 't': out.append('\t'); break;
                    case 'u':
                        int unit = 0;
                        for (int k = 0; k < 4; k++) {
                            int digit = i < s.length() ? Character.digit(s.charAt(i++), 16) : -1;
                            if (digit < 0) {
                                throw error("bad \\u escape");
                            }
                            unit = unit * 16 + digit;
                        }
                        out.append((char) unit);
                        break;
                    default:
                        throw error("bad escape \\" + esc);
                }
            }
        }

        private Object parseNumber() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String number = s.substring(start, i);
            if (number.isEmpty()) {
                throw error("unexpected character");
            }
            if (number.matches("-?\\d+")) {
                return Long.parseLong(number);
            }
            return Double.parseDouble(number);
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, i)) {
                throw error("expected " + word);
            }
            i += word.length();
            return value;
        }

        private void skipSpace() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(i);
        }

        private void expect(char ch) {
            if (peek() != ch) {
                throw error("expected '" + ch + "'");
            }
            i++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at offset " + i);
        }
    }
}
