/* replay.c: runs a fuzz target's LLVMFuzzerTestOneInput() over every file
 * of the directories (or files) given, without libFuzzer, so that seeds
 * and every crash ever found are replayed by ctest in every build (gcc,
 * ASan + UBSan). Files are run in name order; a check that fails aborts,
 * which fails the test with the file named on stderr.
 *
 *     replay_csv tests/fuzz/seeds/csv tests/fuzz/crashes/csv
 */
#include "fuzz_common.h"

#include <dirent.h>
#include <sys/stat.h>

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return 1;
    }
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    FUZZ_CHECK(buf != NULL);
    size_t got;
    while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            cap *= 2;
            uint8_t *p = realloc(buf, cap);
            FUZZ_CHECK(p != NULL);
            buf = p;
        }
    }
    fclose(f);
    /* A copy of exactly `len` bytes, so ASan sees reads past the end. */
    uint8_t *exact = malloc(len > 0 ? len : 1);
    FUZZ_CHECK(exact != NULL);
    if (len > 0) memcpy(exact, buf, len);
    free(buf);
    fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    return 0;
}

static int run_dir(const char *dir, size_t *n_run)
{
    DIR *d = opendir(dir);
    if (d == NULL) return 0; /* a target without crashes has no directory */
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *p);
            FUZZ_CHECK(p != NULL);
            names = p;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        FUZZ_CHECK(names[n] != NULL);
        snprintf(names[n], len, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n > 0) qsort(names, n, sizeof *names, cmp_names);
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            failed |= run_file(names[i]);
            (*n_run)++;
        }
        free(names[i]);
    }
    free(names);
    return failed;
}

int main(int argc, char **argv)
{
    int failed = 0;
    size_t n_run = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISREG(st.st_mode)) {
            failed |= run_file(argv[i]);
            n_run++;
        } else {
            failed |= run_dir(argv[i], &n_run);
        }
    }
    fprintf(stderr, "replay: %zu inputs\n", n_run);
    return failed;
}
