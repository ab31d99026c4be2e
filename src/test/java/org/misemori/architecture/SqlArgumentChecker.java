package org.misemori.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Reports calls in a class file that hand a JDBC execution method SQL text assembled at run time.
 * <p>
 * Works on bytecode rather than source because there the difference is unambiguous: javac folds
 * constant expressions (literals, text blocks, {@code static final} constants joined with {@code +})
 * into a single {@code LDC}, while anything built from a variable becomes an {@code invokedynamic}
 * to {@code StringConcatFactory} or a call such as {@code String.format}. The SQL argument of each
 * execution call is traced back through the frames computed by ASM's {@link SourceInterpreter}
 * until it reaches the instructions that produced it.
 * <p>
 * Besides locals, the trace follows what a reader of the source would still call "the same
 * string": fields and helper methods of the same class, variables captured by a lambda, String
 * methods such as {@code strip()} that derive a String from their receiver, and the elements of
 * a {@code String[]} (for {@code batchUpdate(String...)}). Method parameters, fields and methods
 * of other classes, and any other call are accepted as they are.
 */
final class SqlArgumentChecker {

	private static final String STRING = "Ljava/lang/String;";

	private static final String STRING_ARRAY = "[Ljava/lang/String;";

	private static final String STRING_CONCAT_FACTORY = "java/lang/invoke/StringConcatFactory";

	private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

	private static final Set<String> TEMPLATE_METHODS = Set.of("query", "queryForObject", "queryForList",
			"queryForMap", "queryForRowSet", "queryForStream", "update", "batchUpdate", "execute");

	private static final Set<String> STATEMENT_METHODS = Set.of("execute", "executeQuery", "executeUpdate",
			"executeLargeUpdate", "addBatch");

	/**
	 * Execution methods by the owner written in the call instruction. javac writes the static type
	 * of the receiver there, so both the interfaces and the implementations people inject are
	 * listed. jOOQ is matched by name only: it is not on the classpath.
	 */
	private static final Map<String, Set<String>> EXECUTION_METHODS = Map.ofEntries(
			Map.entry("org/springframework/jdbc/core/simple/JdbcClient", Set.of("sql")),
			Map.entry("org/springframework/jdbc/core/JdbcTemplate", TEMPLATE_METHODS),
			Map.entry("org/springframework/jdbc/core/JdbcOperations", TEMPLATE_METHODS),
			Map.entry("org/springframework/jdbc/core/namedparam/NamedParameterJdbcTemplate", TEMPLATE_METHODS),
			Map.entry("org/springframework/jdbc/core/namedparam/NamedParameterJdbcOperations", TEMPLATE_METHODS),
			Map.entry("java/sql/Connection", Set.of("prepareStatement", "prepareCall", "nativeSQL")),
			Map.entry("java/sql/Statement", STATEMENT_METHODS),
			Map.entry("java/sql/PreparedStatement", STATEMENT_METHODS),
			Map.entry("java/sql/CallableStatement", STATEMENT_METHODS),
			Map.entry("org/jooq/DSLContext", Set.of("query", "fetch", "execute", "resultQuery", "fetchOne",
					"fetchOptional", "fetchValue", "fetchLazy", "fetchStream", "fetchMany")),
			Map.entry("org/jooq/impl/DSL", Set.of("sql", "query", "resultQuery", "field", "condition", "table")));

	/** Calls whose String result is text assembled from their arguments, as {@code owner.name}. */
	private static final Set<String> PRODUCERS = Set.of(
			"java/lang/StringBuilder.toString", "java/lang/StringBuffer.toString", "java/util/StringJoiner.toString",
			"java/lang/String.format", "java/lang/String.join", "java/lang/String.valueOf",
			"java/lang/String.formatted", "java/lang/String.concat", "java/lang/String.replace",
			"java/lang/String.replaceAll", "java/lang/String.replaceFirst", "java/lang/String.repeat");

	List<String> violationsIn(InputStream classFile) throws IOException {
		return violationsIn(classFile.readAllBytes());
	}

	List<String> violationsIn(byte[] classBytes) {
		ClassNode type = new ClassNode();
		new ClassReader(classBytes).accept(type, 0);
		ClassFlow flow = new ClassFlow(type);
		List<String> violations = new ArrayList<>();
		for (MethodNode method : flow.methods()) {
			for (AbstractInsnNode insn : method.instructions) {
				if (insn instanceof MethodInsnNode call) {
					int sql = sqlArgument(call);
					Set<String> producers = (sql >= 0) ? flow.producersOf(flow.argument(call, sql)) : Set.of();
					if (!producers.isEmpty()) {
						violations.add(describe(type, method, call, producers));
					}
				}
			}
		}
		return violations;
	}

	/**
	 * The position of the SQL among the call's arguments, or -1 when the call executes no SQL
	 * text. The first String parameter is the SQL in every listed API; {@code batchUpdate(String...)}
	 * is the one overload that takes it as an array.
	 */
	private static int sqlArgument(MethodInsnNode call) {
		if (!EXECUTION_METHODS.getOrDefault(call.owner, Set.of()).contains(call.name)) {
			return -1;
		}
		Type[] arguments = Type.getArgumentTypes(call.desc);
		int sql = firstOf(arguments, STRING);
		return (sql >= 0) ? sql : firstOf(arguments, STRING_ARRAY);
	}

	private static int firstOf(Type[] arguments, String descriptor) {
		for (int i = 0; i < arguments.length; i++) {
			if (arguments[i].getDescriptor().equals(descriptor)) {
				return i;
			}
		}
		return -1;
	}

	private static String describe(ClassNode type, MethodNode method, MethodInsnNode call, Set<String> producers) {
		return "%s.%s(%s) passes a concatenated String to %s.%s (built by %s)".formatted(
				type.name.replace('/', '.'), method.name, location(type, call), simpleName(call.owner), call.name,
				String.join(", ", producers));
	}

	private static String location(ClassNode type, AbstractInsnNode insn) {
		String file = (type.sourceFile != null) ? type.sourceFile : "Unknown Source";
		for (AbstractInsnNode previous = insn; previous != null; previous = previous.getPrevious()) {
			if (previous instanceof LineNumberNode lineNumber) {
				return file + ":" + lineNumber.line;
			}
		}
		return file;
	}

	private static String simpleName(String internalName) {
		return internalName.substring(internalName.lastIndexOf('/') + 1);
	}

	/** The data flow of every method of one class, so a trace can cross from method to method. */
	private static final class ClassFlow {

		private final ClassNode type;

		private final Map<MethodNode, Frame<SourceValue>[]> frames = new IdentityHashMap<>();

		private final Map<AbstractInsnNode, MethodNode> methodOf = new IdentityHashMap<>();

		ClassFlow(ClassNode type) {
			this.type = type;
			for (MethodNode method : type.methods) {
				if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0) {
					this.frames.put(method, analyze(method));
					method.instructions.forEach((insn) -> this.methodOf.put(insn, method));
				}
			}
		}

		private Frame<SourceValue>[] analyze(MethodNode method) {
			try {
				return new Analyzer<>(new SourceInterpreter()).analyze(this.type.name, method);
			}
			catch (AnalyzerException ex) {
				throw new IllegalStateException("Cannot analyse " + this.type.name + "." + method.name, ex);
			}
		}

		/** Analysed methods in declaration order, so violations come out in a stable order. */
		List<MethodNode> methods() {
			return this.type.methods.stream().filter(this.frames::containsKey).toList();
		}

		/** The value passed as the given argument of a call; empty when the call is dead code. */
		List<SourceValue> argument(MethodInsnNode call, int index) {
			int count = Type.getArgumentTypes(call.desc).length;
			return stack(call, count - 1 - index);
		}

		Set<String> producersOf(List<SourceValue> values) {
			Set<String> producers = new TreeSet<>();
			Set<AbstractInsnNode> visited = new HashSet<>();
			values.forEach((value) -> trace(value, visited, producers));
			return producers;
		}

		private void trace(SourceValue value, Set<AbstractInsnNode> visited, Set<String> producers) {
			for (AbstractInsnNode source : value.insns) {
				if (visited.add(source)) {
					String producer = producerName(source);
					if (producer != null) {
						producers.add(producer);
					}
					else {
						originsOf(source).forEach((origin) -> trace(origin, visited, producers));
					}
				}
			}
		}

		private static String producerName(AbstractInsnNode insn) {
			if (insn instanceof InvokeDynamicInsnNode indy && indy.bsm.getOwner().equals(STRING_CONCAT_FACTORY)) {
				return "string concatenation";
			}
			if (insn instanceof MethodInsnNode call && PRODUCERS.contains(call.owner + "." + call.name)) {
				return simpleName(call.owner) + "." + call.name;
			}
			return null;
		}

		/**
		 * The values an instruction's result was made from, as far as they can still be
		 * concatenated SQL. An empty list means the instruction is an accepted source in itself: a
		 * constant, a parameter, a foreign field or any other call.
		 */
		private List<SourceValue> originsOf(AbstractInsnNode insn) {
			return switch (insn.getOpcode()) {
				case Opcodes.ALOAD -> loaded((VarInsnNode) insn);
				case Opcodes.ASTORE, Opcodes.CHECKCAST, Opcodes.DUP, Opcodes.DUP_X1, Opcodes.DUP_X2 -> stack(insn, 0);
				// These copy one of the top two values without saying which; both are suspects.
				case Opcodes.DUP2, Opcodes.DUP2_X1, Opcodes.DUP2_X2, Opcodes.SWAP -> stack(insn, 0, 1);
				case Opcodes.AALOAD -> stack(insn, 1);
				case Opcodes.ANEWARRAY -> storedInto(insn);
				case Opcodes.GETFIELD, Opcodes.GETSTATIC -> assignedTo((FieldInsnNode) insn);
				case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE ->
					resultOf((MethodInsnNode) insn);
				default -> List.of();
			};
		}

		/**
		 * The sources of a local variable where it is read. SourceInterpreter gives parameters no
		 * source instruction, so an empty source means a parameter: accepted, unless it is a
		 * variable a lambda captured from its enclosing method.
		 */
		private List<SourceValue> loaded(VarInsnNode load) {
			Frame<SourceValue> frame = frameAt(load);
			if (frame == null) {
				return List.of();
			}
			SourceValue local = frame.getLocal(load.var);
			return local.insns.isEmpty() ? captured(this.methodOf.get(load), load.var) : List.of(local);
		}

		private List<SourceValue> captured(MethodNode method, int slot) {
			int parameter = parameterAt(method, slot);
			if (parameter < 0 || (method.access & Opcodes.ACC_SYNTHETIC) == 0 || !method.name.startsWith("lambda$")) {
				return List.of();
			}
			List<SourceValue> captured = new ArrayList<>();
			for (AbstractInsnNode insn : this.methodOf.keySet()) {
				if (insn instanceof InvokeDynamicInsnNode indy && implementedBy(indy, method)) {
					// An instance lambda captures `this` first; the lambda method sees it as its receiver.
					int argument = parameter + ((method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1);
					int count = Type.getArgumentTypes(indy.desc).length;
					if (argument < count) {
						captured.addAll(stack(indy, count - 1 - argument));
					}
				}
			}
			return captured;
		}

		private boolean implementedBy(InvokeDynamicInsnNode indy, MethodNode method) {
			return indy.bsm.getOwner().equals(LAMBDA_METAFACTORY) && indy.bsmArgs.length > 1
					&& indy.bsmArgs[1] instanceof Handle target && target.getOwner().equals(this.type.name)
					&& target.getName().equals(method.name) && target.getDesc().equals(method.desc);
		}

		private static int parameterAt(MethodNode method, int slot) {
			int next = ((method.access & Opcodes.ACC_STATIC) != 0) ? 0 : 1;
			Type[] parameters = Type.getArgumentTypes(method.desc);
			for (int i = 0; i < parameters.length && next <= slot; i++) {
				if (next == slot) {
					return i;
				}
				next += parameters[i].getSize();
			}
			return -1;
		}

		/** The elements stored into a String array that is later passed as SQL. */
		private List<SourceValue> storedInto(AbstractInsnNode newArray) {
			List<SourceValue> elements = new ArrayList<>();
			for (AbstractInsnNode insn : this.methodOf.get(newArray).instructions) {
				if (insn.getOpcode() == Opcodes.AASTORE && stack(insn, 2).stream()
					.anyMatch((array) -> refersTo(array, newArray, new HashSet<>()))) {
					elements.addAll(stack(insn, 0));
				}
			}
			return elements;
		}

		/** Whether a value is the given instruction's result, passed on through locals and copies. */
		private boolean refersTo(SourceValue value, AbstractInsnNode target, Set<AbstractInsnNode> visited) {
			for (AbstractInsnNode source : value.insns) {
				if (source == target) {
					return true;
				}
				if (visited.add(source) && isCopy(source)
						&& originsOf(source).stream().anyMatch((origin) -> refersTo(origin, target, visited))) {
					return true;
				}
			}
			return false;
		}

		private static boolean isCopy(AbstractInsnNode insn) {
			return switch (insn.getOpcode()) {
				case Opcodes.ALOAD, Opcodes.ASTORE, Opcodes.CHECKCAST, Opcodes.DUP, Opcodes.DUP_X1, Opcodes.DUP_X2,
						Opcodes.DUP2, Opcodes.DUP2_X1, Opcodes.DUP2_X2, Opcodes.SWAP -> true;
				default -> false;
			};
		}

		/**
		 * What a field of this class was assigned anywhere in the class. A field of another class
		 * is out of sight and accepted, which also covers fields set by injection.
		 */
		private List<SourceValue> assignedTo(FieldInsnNode read) {
			if (!read.owner.equals(this.type.name)) {
				return List.of();
			}
			int write = (read.getOpcode() == Opcodes.GETSTATIC) ? Opcodes.PUTSTATIC : Opcodes.PUTFIELD;
			List<SourceValue> assigned = new ArrayList<>();
			for (AbstractInsnNode insn : this.methodOf.keySet()) {
				if (insn.getOpcode() == write && insn instanceof FieldInsnNode field && field.owner.equals(read.owner)
						&& field.name.equals(read.name) && field.desc.equals(read.desc)) {
					assigned.addAll(stack(field, 0));
				}
			}
			return assigned;
		}

		/**
		 * What a call returned, when that can be seen: a method of this class returns whatever its
		 * {@code areturn} instructions return, and a String method such as {@code strip()} returns
		 * its receiver reworked. Every other call is an accepted source.
		 */
		private List<SourceValue> resultOf(MethodInsnNode call) {
			if (call.owner.equals(this.type.name)) {
				return returnedBy(call.name, call.desc);
			}
			if (call.owner.equals("java/lang/String") && call.getOpcode() == Opcodes.INVOKEVIRTUAL
					&& Type.getReturnType(call.desc).getDescriptor().equals(STRING)) {
				return stack(call, Type.getArgumentTypes(call.desc).length);
			}
			return List.of();
		}

		private List<SourceValue> returnedBy(String name, String descriptor) {
			List<SourceValue> returned = new ArrayList<>();
			for (MethodNode method : this.frames.keySet()) {
				if (method.name.equals(name) && method.desc.equals(descriptor)) {
					for (AbstractInsnNode insn : method.instructions) {
						if (insn.getOpcode() == Opcodes.ARETURN) {
							returned.addAll(stack(insn, 0));
						}
					}
				}
			}
			return returned;
		}

		/** Stack values at an instruction, counted from the top; empty when it is unreachable. */
		private List<SourceValue> stack(AbstractInsnNode insn, int... depths) {
			Frame<SourceValue> frame = frameAt(insn);
			if (frame == null) {
				return List.of();
			}
			List<SourceValue> values = new ArrayList<>();
			for (int depth : depths) {
				values.add(frame.getStack(frame.getStackSize() - 1 - depth));
			}
			return values;
		}

		private Frame<SourceValue> frameAt(AbstractInsnNode insn) {
			MethodNode method = this.methodOf.get(insn);
			return this.frames.get(method)[method.instructions.indexOf(insn)];
		}

	}

}
