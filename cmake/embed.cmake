# embed_text(OUT SYMBOL NAMESPACE FILE): writes OUT, a .cc defining `const char SYMBOL[]` in
# NAMESPACE with the bytes of FILE, so reference tables ship inside the binary.
function(embed_text out symbol namespace file)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DSYMBOL=${symbol} -DNAMESPACE=${namespace}
            -DFILE=${file} -P ${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake
    DEPENDS ${file} ${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake
    COMMENT "Embedding ${file}")
endfunction()
