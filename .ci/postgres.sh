# Sourced by .ci/run: installs PostgreSQL from Debian's packages if needed, starts a local cluster
# on 127.0.0.1:5432 and exports the ADCS_TEST_POSTGRES_* variables the journal tests read.
# Idempotent: safe to run on a machine where it already ran.

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "ci: installing PostgreSQL from Debian packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$pg_version main"; then
  pg_createcluster "$pg_version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$pg_version" main start
fi
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'adcs') THEN
    CREATE ROLE adcs LOGIN PASSWORD 'adcs';
  END IF;
END $$;
SQL
if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'adcs_test'\"" | grep -q 1; then
  su postgres -c "createdb -O adcs adcs_test"
fi

export ADCS_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:5432/adcs_test"
export ADCS_TEST_POSTGRES_USER=adcs
export ADCS_TEST_POSTGRES_PASSWORD=adcs
echo "ci: PostgreSQL $pg_version ready at $ADCS_TEST_POSTGRES_URL"
