# Regenerates rules/stdlib-modules.json by asking the CPython 2.7 interpreter that runs it:
#   python2.7 scripts/gen-stdlib-list.py > rules/stdlib-modules.json
# Each module is recorded as "builtin" (compiled into the interpreter), "extension" (a C shared
# library in lib-dynload) or "pure" (a .py module or package under the Lib). Nothing is imported
# except sys/os/json/imp and the aliasing packages below: the listing comes from
# sys.builtin_module_names and the file system; `aliases` are names that only exist in sys.modules.
import imp
import json
import os
import sys

# C modules CPython 2.7 builds only on other platforms; python2.7 here cannot report them, so they
# are named by hand (from the 2.7 docs' platform-specific module chapters).
OTHER_PLATFORM_C = [
    '_winreg', 'msvcrt', 'nt', 'winsound', '_msi', '_subprocess', '_scproxy', 'MacOS', 'gestalt',
    'icglue', '_Qt', 'Carbon', 'riscos', 'os2',
]


def lib_dirs():
    stdlib = os.path.dirname(os.__file__)
    out = []
    for entry in sys.path:
        real = os.path.realpath(entry or os.curdir)
        if real.startswith(os.path.realpath(stdlib)) and 'site-packages' not in real and 'dist-packages' not in real:
            out.append(real)
    return stdlib, out


def walk_package(base, dirpath, modules):
    for name in sorted(os.listdir(dirpath)):
        full = os.path.join(dirpath, name)
        if os.path.isdir(full) and os.path.isfile(os.path.join(full, '__init__.py')):
            modules.setdefault(base + '.' + name, 'pure')
            walk_package(base + '.' + name, full, modules)
        elif name.endswith('.py') and name != '__init__.py':
            modules.setdefault(base + '.' + name[:-3], 'pure')


# Packages that register importable names in sys.modules when imported (os.path, email's
# Python 2.4 names such as email.Utils). Importing them here is safe: they are the stdlib.
ALIASING_PACKAGES = ['os', 'email']


def module_aliases(modules):
    for name in ALIASING_PACKAGES:
        __import__(name)
    aliases = {}
    for name, mod in list(sys.modules.items()):
        if '.' not in name or name in modules or mod is None:
            continue
        target = mod.__dict__.get('__name__') if isinstance(getattr(mod, '__dict__', None), dict) else None
        if target and target != name and target in modules:
            aliases[name] = target
    return aliases


def main():
    modules = {}
    for name in sys.builtin_module_names:
        modules[name] = 'builtin'
    stdlib, dirs = lib_dirs()
    ext_suffixes = [s for s, _, kind in imp.get_suffixes() if kind == imp.C_EXTENSION]
    for d in dirs:
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            full = os.path.join(d, name)
            if name == 'site-packages':
                continue
            if os.path.isdir(full):
                if os.path.isfile(os.path.join(full, '__init__.py')):
                    modules.setdefault(name, 'pure')
                    walk_package(name, full, modules)
                continue
            for suffix in ext_suffixes:
                if name.endswith(suffix):
                    modules.setdefault(name[:-len(suffix)], 'extension')
                    break
            else:
                if name.endswith('.py'):
                    modules.setdefault(name[:-3], 'pure')
    for name in OTHER_PLATFORM_C:
        modules.setdefault(name, 'other-platform')
    aliases = module_aliases(modules)
    doc = {
        'generatedBy': 'scripts/gen-stdlib-list.py',
        'python': sys.version.split()[0],
        'kinds': {
            'builtin': 'C, compiled into the interpreter (sys.builtin_module_names)',
            'extension': 'C, a shared library in lib-dynload',
            'pure': 'Python source in the Lib',
            'other-platform': 'C, built only on Windows or macOS',
        },
        'modules': dict(sorted(modules.items())),
        'aliases': dict(sorted(aliases.items())),
    }
    sys.stdout.write(json.dumps(doc, indent=1, sort_keys=True) + '\n')


if __name__ == '__main__':
    main()
