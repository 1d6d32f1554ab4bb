package org.trilateral.taxonomy.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.trilateral.taxonomy.pattern.PatternToken.Kind;

/**
 * Recursive-descent parser for the STIX 2.1 patterning grammar (§9 and its ANTLR grammar), with the
 * precedence of §9.6: observation AND binds tighter than OR, which binds tighter than FOLLOWEDBY;
 * qualifiers bind to the observation expression right before them; comparison AND binds tighter than OR.
 *
 * <p>The parser recurses once per level of parentheses and brackets, and {@link PatternLimits} bounds that
 * nesting, the number of comparisons and the length of the text before any of it is read, so a hostile pattern is
 * refused with a message instead of exhausting the stack. A chain of one operator becomes one n-ary node.
 */
final class PatternParser {

    // §3.1 type names, which is what an object path's object type is.
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]");
    private static final Pattern PLAIN_PROPERTY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final String text;
    private final PatternLimits limits;
    private final List<PatternToken> tokens;
    private int index;
    private int nesting;
    private int comparisons;

    private PatternParser(String text, PatternLimits limits) {
        this.text = text;
        this.limits = limits;
        this.tokens = PatternLexer.tokenize(text);
    }

    static ObservationExpression parse(String text, PatternLimits limits) {
        if (text.length() > limits.maxLength()) {
            throw new StixPatternException(text, limits.maxLength(), "the pattern is " + text.length()
                    + " characters long, more than the limit of " + limits.maxLength() + " characters (pattern length limit)");
        }
        PatternParser parser = new PatternParser(text, limits);
        ObservationExpression root = parser.followedBy();
        PatternToken end = parser.peek();
        if (end.kind() != Kind.END) {
            throw parser.error(end, "expected AND, OR, FOLLOWEDBY or a qualifier but found " + end.describe());
        }
        return root;
    }

    private ObservationExpression followedBy() {
        return observationChain(ObservationOperator.FOLLOWEDBY, "FOLLOWEDBY");
    }

    /** {@code operand (KEYWORD operand)*} as one node, where the operand is the next tighter level of §9.6. */
    private ObservationExpression observationChain(ObservationOperator operator, String keyword) {
        ObservationExpression first = observationOperand(operator);
        if (!peek().isKeyword(keyword)) {
            return first;
        }
        List<ObservationExpression> operands = new ArrayList<>();
        operands.add(first);
        while (peek().isKeyword(keyword)) {
            index++;
            operands.add(observationOperand(operator));
        }
        return new ObservationExpression.Composite(operands, operator);
    }

    private ObservationExpression observationOperand(ObservationOperator operator) {
        return switch (operator) {
            case FOLLOWEDBY -> observationChain(ObservationOperator.OR, "OR");
            case OR -> observationChain(ObservationOperator.AND, "AND");
            case AND -> qualified();
        };
    }

    private ObservationExpression qualified() {
        ObservationExpression expression = observationPrimary();
        // The reference validator and §9.5 allow one qualifier of each kind directly on an expression;
        // repeating a kind needs parentheses, which make the nesting explicit.
        Set<Class<?>> applied = new HashSet<>();
        while (true) {
            PatternToken token = peek();
            Qualifier qualifier;
            if (token.isKeyword("WITHIN")) {
                qualifier = within();
            } else if (token.isKeyword("REPEATS")) {
                qualifier = repeats();
            } else if (token.isKeyword("START")) {
                qualifier = startStop();
            } else {
                return expression;
            }
            if (!applied.add(qualifier.getClass())) {
                throw error(token, "duplicate " + token.text() + " qualifier on one observation expression; use parentheses to nest them");
            }
            expression = new ObservationExpression.Qualified(expression, qualifier);
        }
    }

    private ObservationExpression observationPrimary() {
        PatternToken token = peek();
        if (token.kind() == Kind.LBRACK) {
            enter(token);
            ComparisonExpression comparison = comparisonOr().expression();
            expect(Kind.RBRACK, "']'");
            nesting--;
            return new ObservationExpression.Observation(comparison);
        }
        if (token.kind() == Kind.LPAREN) {
            enter(token);
            ObservationExpression inner = followedBy();
            expect(Kind.RPAREN, "')'");
            nesting--;
            return new ObservationExpression.Group(inner);
        }
        throw error(token, "expected '[' or '(' but found " + token.describe());
    }

    /** Steps into a parenthesis or bracket, refusing it when it is one level deeper than the limit. */
    private void enter(PatternToken open) {
        if (++nesting > limits.maxNesting()) {
            throw error(open, "the pattern nests parentheses and brackets more than " + limits.maxNesting()
                    + " levels deep, the limit (pattern nesting limit)");
        }
        index++;
    }

    private Qualifier within() {
        PatternToken keyword = next();
        PatternToken amount = next();
        if ((amount.kind() != Kind.INTEGER && amount.kind() != Kind.FLOAT) || amount.text().startsWith("-")) {
            throw error(amount, "expected a positive number of seconds after WITHIN but found " + amount.describe());
        }
        expectKeyword("SECONDS");
        BigDecimal seconds = new BigDecimal(amount.text());
        return build(keyword, () -> new Qualifier.Within(seconds));
    }

    private Qualifier repeats() {
        PatternToken keyword = next();
        PatternToken amount = next();
        if (amount.kind() != Kind.INTEGER || amount.text().startsWith("-")) {
            throw error(amount, "expected a positive integer after REPEATS but found " + amount.describe());
        }
        expectKeyword("TIMES");
        BigInteger times = new BigInteger(amount.text());
        return build(keyword, () -> new Qualifier.Repeats(times));
    }

    private Qualifier startStop() {
        PatternToken keyword = next();
        PatternLiteral.TimestampLiteral start = timestamp("START");
        expectKeyword("STOP");
        PatternLiteral.TimestampLiteral stop = timestamp("STOP");
        return build(keyword, () -> new Qualifier.StartStop(start, stop));
    }

    private PatternLiteral.TimestampLiteral timestamp(String after) {
        PatternToken token = next();
        if (token.kind() != Kind.TIMESTAMP) {
            throw error(token, "expected a timestamp literal t'…' after " + after + " but found " + token.describe());
        }
        return (PatternLiteral.TimestampLiteral) token.value();
    }

    private Qualifier build(PatternToken at, java.util.function.Supplier<Qualifier> factory) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    /**
     * A comparison expression with the object types a single SCO could have to satisfy it (§9.5: an observation
     * expression matches one object, so AND intersects the types of its operands and OR unites them).
     */
    private record Parsed(ComparisonExpression expression, Set<String> types) {
    }

    private Parsed comparisonOr() {
        Parsed first = comparisonAnd();
        if (!peek().isKeyword("OR")) {
            return first;
        }
        List<ComparisonExpression> operands = new ArrayList<>();
        Set<String> types = new TreeSet<>(first.types());
        operands.add(first.expression());
        while (peek().isKeyword("OR")) {
            index++;
            Parsed next = comparisonAnd();
            operands.add(next.expression());
            types.addAll(next.types());
        }
        return new Parsed(new ComparisonExpression.Composite(operands, BooleanOperator.OR), types);
    }

    private Parsed comparisonAnd() {
        Parsed first = propertyTest();
        if (!peek().isKeyword("AND")) {
            return first;
        }
        List<ComparisonExpression> operands = new ArrayList<>();
        Set<String> common = new TreeSet<>(first.types());
        operands.add(first.expression());
        while (peek().isKeyword("AND")) {
            index++;
            PatternToken rightStart = peek();
            Parsed next = propertyTest();
            // §9.5: an observation expression matches one SCO, so the operands of AND must be satisfiable
            // by a common object type (OR may span types).
            Set<String> before = new TreeSet<>(common);
            common.retainAll(next.types());
            if (common.isEmpty()) {
                throw error(rightStart, "comparison expressions joined by AND must refer to the same object type, but "
                        + before + " and " + next.types() + " have none in common");
            }
            operands.add(next.expression());
        }
        return new Parsed(new ComparisonExpression.Composite(operands, BooleanOperator.AND), common);
    }

    private Parsed propertyTest() {
        PatternToken token = peek();
        if (token.kind() == Kind.LPAREN) {
            enter(token);
            Parsed inner = comparisonOr();
            expect(Kind.RPAREN, "')'");
            nesting--;
            return new Parsed(new ComparisonExpression.Group(inner.expression()), inner.types());
        }
        if (token.isKeyword("EXISTS")) {
            count(token);
            index++;
            ObjectPath path = objectPath();
            return new Parsed(new ComparisonExpression.Exists(path), Set.of(path.objectType()));
        }
        if (token.kind() != Kind.IDENTIFIER) {
            throw error(token, "expected an object path, EXISTS or '(' but found " + token.describe());
        }
        count(token);
        ObjectPath path = objectPath();
        boolean negated = false;
        if (peek().isKeyword("NOT")) {
            index++;
            negated = true;
        }
        PatternToken operatorToken = next();
        ComparisonOperator operator = operator(operatorToken);
        return new Parsed(new ComparisonExpression.Comparison(path, negated, operator, operand(operator)),
                Set.of(path.objectType()));
    }

    /** Counts one more comparison, refusing it when it is one more than the limit. */
    private void count(PatternToken at) {
        if (++comparisons > limits.maxComparisons()) {
            throw error(at, "the pattern has more than " + limits.maxComparisons()
                    + " comparison expressions, the limit (pattern comparisons limit)");
        }
    }

    private ComparisonOperator operator(PatternToken token) {
        switch (token.kind()) {
            case EQ: return ComparisonOperator.EQUAL;
            case NEQ: return ComparisonOperator.NOT_EQUAL;
            case GT: return ComparisonOperator.GREATER;
            case LT: return ComparisonOperator.LESS;
            case GE: return ComparisonOperator.GREATER_OR_EQUAL;
            case LE: return ComparisonOperator.LESS_OR_EQUAL;
            case KEYWORD:
                for (ComparisonOperator operator : EnumSet.range(ComparisonOperator.IN, ComparisonOperator.ISSUPERSET)) {
                    if (operator.symbol().equals(token.text())) {
                        return operator;
                    }
                }
                break;
            default:
                break;
        }
        throw error(token, "expected a comparison operator (=, !=, <, >, <=, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET)"
                + " but found " + token.describe());
    }

    /** §9.4: which literal each operator takes. */
    private PatternLiteral operand(ComparisonOperator operator) {
        PatternToken token = peek();
        switch (operator) {
            case IN:
                return set();
            case LIKE, MATCHES, ISSUBSET, ISSUPERSET:
                if (token.kind() != Kind.STRING) {
                    throw error(token, "expected a string literal after " + operator.symbol() + " but found " + token.describe());
                }
                return next().value();
            case EQUAL, NOT_EQUAL:
                return primitive(operator);
            default:
                if (token.kind() == Kind.BOOLEAN) {
                    throw error(token, "a boolean cannot be ordered with " + operator.symbol());
                }
                return primitive(operator);
        }
    }

    private PatternLiteral primitive(ComparisonOperator after) {
        PatternToken token = next();
        if (token.value() == null) {
            throw error(token, "expected a literal after " + after.symbol() + " but found " + token.describe());
        }
        return token.value();
    }

    private PatternLiteral set() {
        PatternToken open = next();
        if (open.kind() != Kind.LPAREN) {
            throw error(open, "expected '(' to start the set after IN but found " + open.describe());
        }
        List<PatternLiteral> elements = new ArrayList<>();
        if (peek().kind() == Kind.RPAREN) {
            index++;
            return new PatternLiteral.SetLiteral(elements);
        }
        while (true) {
            elements.add(primitive(ComparisonOperator.IN));
            PatternToken separator = next();
            if (separator.kind() == Kind.RPAREN) {
                return new PatternLiteral.SetLiteral(elements);
            }
            if (separator.kind() != Kind.COMMA) {
                throw error(separator, "expected ',' or ')' in the set but found " + separator.describe());
            }
        }
    }

    private ObjectPath objectPath() {
        PatternToken type = next();
        if (type.kind() != Kind.IDENTIFIER) {
            throw error(type, "expected an object type but found " + type.describe());
        }
        if (type.text().length() < 3 || type.text().length() > 250 || !TYPE_NAME.matcher(type.text()).matches()) {
            throw error(type, "object type '" + type.text() + "' is not a valid STIX type name (a-z, 0-9, '-', 3 to 250 characters)");
        }
        expect(Kind.COLON, "':'");
        List<ObjectPath.PathStep> steps = new ArrayList<>();
        steps.add(propertyName());
        while (true) {
            PatternToken token = peek();
            if (token.kind() == Kind.DOT) {
                index++;
                steps.add(propertyName());
            } else if (token.kind() == Kind.LBRACK) {
                index++;
                steps.add(listIndex());
            } else {
                return new ObjectPath(type.text(), steps);
            }
        }
    }

    private ObjectPath.Property propertyName() {
        PatternToken token = next();
        if (token.kind() == Kind.STRING) {
            return new ObjectPath.Property(((PatternLiteral.StringLiteral) token.value()).value());
        }
        if (token.kind() == Kind.IDENTIFIER) {
            if (!PLAIN_PROPERTY.matcher(token.text()).matches()) {
                throw error(token, "property name '" + token.text() + "' contains '-'; quote it as '" + token.text() + "'");
            }
            return new ObjectPath.Property(token.text());
        }
        throw error(token, "expected a property name but found " + token.describe());
    }

    private ObjectPath.Index listIndex() {
        PatternToken token = next();
        ObjectPath.Index step;
        if (token.kind() == Kind.ASTERISK) {
            step = new ObjectPath.Index(OptionalInt.empty());
        } else if (token.kind() == Kind.INTEGER) {
            try {
                step = new ObjectPath.Index(OptionalInt.of(Integer.parseInt(token.text().replace("+", ""))));
            } catch (NumberFormatException e) {
                throw error(token, "list index " + token.text() + " is out of range");
            }
        } else {
            throw error(token, "expected a list index or '*' but found " + token.describe());
        }
        expect(Kind.RBRACK, "']'");
        return step;
    }

    private PatternToken peek() {
        return tokens.get(index);
    }

    private PatternToken next() {
        PatternToken token = tokens.get(index);
        if (token.kind() != Kind.END) {
            index++;
        }
        return token;
    }

    private void expect(Kind kind, String description) {
        PatternToken token = next();
        if (token.kind() != kind) {
            throw error(token, "expected " + description + " but found " + token.describe());
        }
    }

    private void expectKeyword(String keyword) {
        PatternToken token = next();
        if (!token.isKeyword(keyword)) {
            throw error(token, "expected " + keyword + " but found " + token.describe());
        }
    }

    private StixPatternException error(PatternToken at, String reason) {
        return new StixPatternException(text, at.position(), reason);
    }
}
