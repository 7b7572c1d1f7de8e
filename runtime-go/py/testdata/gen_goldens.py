# Regenerates the CPython 2.7 goldens for the runtime's Go tests.
# Run with python2.7 from runtime-go/py/testdata:  python2.7 gen_goldens.py
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run_programs(subdir):
    d = os.path.join(HERE, subdir)
    for name in sorted(os.listdir(d)):
        if not name.endswith('.py'):
            continue
        p = subprocess.Popen([sys.executable, name], cwd=d,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = p.communicate()
        base = os.path.join(d, name[:-3])
        for ext, data in (('.out', out), ('.err', err), ('.rc', '%d\n' % p.returncode)):
            with open(base + ext, 'wb') as f:
                f.write(data)


if __name__ == '__main__':
    run_programs('codegen')
    for script in sorted(os.listdir(HERE)):
        if script.startswith('gen_') and script.endswith('.py') and script != 'gen_goldens.py':
            subprocess.check_call([sys.executable, script], cwd=HERE)
