# Warnings and sanitizers are set per target, never through CMAKE_C_FLAGS.
function(vb_target_warnings tgt)
  target_compile_options(${tgt} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter)
  if(VB_WERROR)
    target_compile_options(${tgt} PRIVATE -Werror)
  endif()
endfunction()

# VB_SANITIZE applies to every target of the build, including tests, so that
# instrumented and plain objects are never mixed.
if(VB_SANITIZE)
  add_compile_options(-fsanitize=${VB_SANITIZE} -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${VB_SANITIZE})
endif()
