/* entity.h: HTML character references in exported comments ("&amp;",
 * "&#39;", "&eacute;"), decoded before tokenising, with a map from decoded
 * offsets back to the offsets of the text as exported. */
#ifndef VB_ENTITY_H
#define VB_ENTITY_H

#include "arena.h"

/* One decoded reference: decoded bytes [dec_start, dec_end) came from
 * original bytes [orig_start, orig_end). */
typedef struct vb_entity_seg {
    size_t dec_start, dec_end;
    size_t orig_start, orig_end;
} vb_entity_seg;

/* Offset map; n_segs == 0 means decoded offsets are original offsets. */
typedef struct vb_entity_map {
    const vb_entity_seg *segs; /* in increasing order */
    size_t n_segs;
} vb_entity_map;

/* Decodes the references in `len` bytes of valid UTF-8 at `s`. When there
 * is none, *out = s and map->n_segs = 0 (no copy). Otherwise *out is a
 * NUL-terminated copy in `arena`, never longer than `len`. Unknown names
 * and malformed references stay as they are; numeric references to 0,
 * surrogates or past U+10FFFF become U+FFFD, and 0x80-0x9F are read as
 * Windows-1252, as browsers do. VB_OK or VB_ENOMEM. */
vb_status vb_entity_decode(vb_arena *arena, const char *s, size_t len, const char **out,
                           size_t *out_len, vb_entity_map *map);

/* Maps a decoded token start / end offset to the original text. A start
 * inside a decoded reference maps to the reference's start, an end to its
 * end, so tokens always cover whole references. */
size_t vb_entity_map_start(const vb_entity_map *map, size_t pos);
size_t vb_entity_map_end(const vb_entity_map *map, size_t pos);

#endif
