"""Introspection: ast parse/dump/unparse and a NodeTransformer, compile/exec/eval, dis over a small function, inspect signatures and source."""
import ast
import dis
import inspect

source = "total = sum(x * 2 for x in range(10) if x % 3)\nprint(f'total={total}')\n"
tree = ast.parse(source)
print(ast.dump(tree, indent=1)[:600])


class DoubleToTriple(ast.NodeTransformer):
    def visit_Constant(self, node):
        if node.value == 2:
            return ast.copy_location(ast.Constant(3), node)
        return node


new_tree = ast.fix_missing_locations(DoubleToTriple().visit(tree))
print(ast.unparse(new_tree))
exec(compile(new_tree, "<transformed>", "exec"))
print(eval("[n ** 2 for n in range(5)]"), eval("a + b", {"a": 1, "b": 2}), ast.literal_eval("{'k': (1, 2.5, None, b'x')}"))
try:
    ast.literal_eval("__import__('os')")
except ValueError as e:
    print("ValueError:", str(e).split(":")[0])  # the rest names a node by its address
names = sorted({node.id for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Name)})
print(names)


def sample(a, b=2, *args, c, d=4, **kwargs) -> int:
    """Adds things."""
    return a + b + c + d


sig = inspect.signature(sample)
print(sig, [(p.name, str(p.kind), p.default) for p in sig.parameters.values()], sig.return_annotation)
print(sig.bind(1, c=3).arguments, inspect.getdoc(sample), inspect.isfunction(sample), inspect.getsource(sample).splitlines()[0])
print([name for name, _ in inspect.getmembers(inspect, inspect.isclass)][:5], inspect.getmodulename("/x/y/mod.py"))
print(sample.__code__.co_varnames, sample.__code__.co_argcount, sample.__code__.co_kwonlyargcount, sample.__defaults__, sample.__kwdefaults__)
instructions = [(i.opname, i.argrepr) for i in dis.get_instructions(sample)]
print(instructions)
dis.dis("x = a + 1 if a else -a")
frame = inspect.currentframe()
print(frame.f_code.co_name, frame.f_lineno, inspect.getframeinfo(frame).function)
code = compile("x = 1\ny = x + 1", "<string>", "exec")
ns = {}
exec(code, ns)
print(ns["y"], code.co_names, code.co_filename)
try:
    compile("x = = 1", "<bad>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset)
